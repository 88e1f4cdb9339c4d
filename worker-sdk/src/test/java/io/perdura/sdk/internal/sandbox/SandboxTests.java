package io.perdura.sdk.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.sdk.worker.NonDeterministicWorkflowException;
import io.perdura.sdk.worker.SandboxMode;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A workflow registered by factory alone is checked when its first instance is made; the guard follows the mode. */
class SandboxTests {

    @Test
    void aFactoryWithoutAClassIsCheckedWhenItMakesAnInstance() {
        Supplier<NonDeterministicSnippets.Snippet> factory = NonDeterministicSnippets.MathRandom::new;

        assertThatThrownBy(() -> new Sandbox(SandboxMode.STRICT, List.of())
                        .checking(factory)
                        .get())
                .isInstanceOf(NonDeterministicWorkflowException.class)
                .hasMessageContaining("java.lang.Math.random()");
        assertThat(new Sandbox(SandboxMode.WARN, List.of()).checking(factory).get())
                .isInstanceOf(NonDeterministicSnippets.MathRandom.class);
        assertThat(new Sandbox(SandboxMode.OFF, List.of()).checking(factory)).isSameAs(factory);
    }

    @Test
    void theGuardIsOnUnlessTheSandboxIsOff() {
        assertThat(new Sandbox(SandboxMode.STRICT, List.of()).guardWindow()).isEqualTo(Sandbox.GUARD_WINDOW);
        assertThat(new Sandbox(SandboxMode.WARN, List.of()).guardWindow()).isEqualTo(Sandbox.GUARD_WINDOW);
        assertThat(new Sandbox(SandboxMode.OFF, List.of()).guardWindow()).isNull();
    }

    @Test
    void allowListPatterns() {
        AllowList allow =
                new AllowList(List.of("com.acme.Foo#bar", "com.acme.util.*", "com.acme.Legacy", "*Cache#get*"));

        assertThat(allow.allows("com.acme.Foo", "bar")).isTrue();
        assertThat(allow.allows("com.acme.Foo", "baz")).isFalse();
        assertThat(allow.allows("com.acme.util.deep.Clock", "now")).isTrue();
        assertThat(allow.allows("com.acme.utility.Clock", "now")).isFalse();
        assertThat(allow.allows("com.acme.Legacy$Inner", "run")).isTrue();
        assertThat(allow.allows("com.acme.LegacyTwo", "run")).isFalse();
        assertThat(allow.allows("com.acme.RateCache", "getRate")).isTrue();
        assertThat(allow.allows("com.acme.RateCache", "put")).isFalse();
    }
}
