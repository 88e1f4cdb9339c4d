package io.perdura.sdk.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.workflow.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Promise semantics that need no waiting: completion, callbacks, combinators. */
class PromiseTests {

    private final ApplicationFailure boom = ApplicationFailure.newFailure("boom", "Boom");

    @Test
    void aPromiseCompletesOnceAndRunsItsCallbacksAtOnceInOrder() {
        DefaultCompletablePromise<Integer> promise = new DefaultCompletablePromise<>();
        List<String> calls = new ArrayList<>();
        Promise<Integer> doubled = promise.thenApply(v -> {
            calls.add("apply " + v);
            return v * 2;
        });
        Promise<String> handled = promise.handle((v, f) -> {
            calls.add("handle " + v);
            return "handled " + v;
        });

        assertThat(doubled.isCompleted()).isFalse();
        assertThat(promise.complete(21)).isTrue();
        assertThat(promise.complete(1)).isFalse();
        assertThat(promise.completeExceptionally(boom)).isFalse();

        assertThat(calls).containsExactly("apply 21", "handle 21");
        assertThat(doubled.get()).isEqualTo(42);
        assertThat(handled.get()).isEqualTo("handled 21");
        assertThat(promise.thenApply(v -> v + 1).get()).isEqualTo(22);
        assertThat(promise.getFailure()).isNull();
    }

    @Test
    void aFailurePassesThroughThenApplyAndThenComposeAndIsRecoveredByExceptionally() {
        Promise<Integer> failed = Promises.failed(boom);

        assertThatThrownBy(failed::get).isSameAs(boom);
        assertThat(failed.getFailure()).isSameAs(boom);
        assertThat(failed.thenApply(v -> v + 1).getFailure()).isSameAs(boom);
        assertThat(failed.thenCompose(v -> Promises.completed(v)).getFailure()).isSameAs(boom);
        assertThat(failed.exceptionally(t -> -1).get()).isEqualTo(-1);
        assertThat(failed.handle((v, f) -> f.getMessage()).get()).isEqualTo("boom");
        assertThat(Promises.completed(3).exceptionally(t -> -1).get()).isEqualTo(3);
    }

    @Test
    void whatACallbackThrowsFailsItsPromise() {
        Promise<Integer> thrown = Promises.completed(1).thenApply(v -> {
            throw boom;
        });

        assertThat(thrown.getFailure()).isSameAs(boom);
    }

    @Test
    void thenComposeAndCompleteFromFollowAnotherPromise() {
        DefaultCompletablePromise<String> inner = new DefaultCompletablePromise<>();
        Promise<String> composed = Promises.completed(1).thenCompose(v -> inner);
        DefaultCompletablePromise<String> follower = new DefaultCompletablePromise<>();
        assertThat(follower.completeFrom(inner)).isTrue();

        inner.complete("done");

        assertThat(composed.get()).isEqualTo("done");
        assertThat(follower.get()).isEqualTo("done");
        assertThat(follower.completeFrom(inner)).isFalse();
    }

    @Test
    void allOfCompletesWhenAllDidOrFailsWithTheFirstFailure() {
        DefaultCompletablePromise<Integer> a = new DefaultCompletablePromise<>();
        DefaultCompletablePromise<Integer> b = new DefaultCompletablePromise<>();
        DefaultCompletablePromise<Integer> c = new DefaultCompletablePromise<>();
        Promise<Void> all = Promise.allOf(a, b);
        Promise<Void> failing = Promise.allOf(List.of(a, c));

        a.complete(1);
        assertThat(all.isCompleted()).isFalse();
        c.completeExceptionally(boom);
        b.complete(2);

        assertThat(all.isCompleted()).isTrue();
        assertThat(all.getFailure()).isNull();
        assertThat(failing.getFailure()).isSameAs(boom);
        assertThat(Promise.allOf().isCompleted()).isTrue();
    }

    @Test
    void anyOfCompletesLikeTheFirstToComplete() {
        DefaultCompletablePromise<String> a = new DefaultCompletablePromise<>();
        DefaultCompletablePromise<String> b = new DefaultCompletablePromise<>();
        Promise<String> any = Promise.anyOf(List.of(a, b));
        Promise<Object> anyFailed = Promise.anyOf(a, Promises.failed(boom));

        b.complete("b");
        a.complete("a");

        assertThat(any.get()).isEqualTo("b");
        assertThat(anyFailed.getFailure()).isSameAs(boom);
    }

    @Test
    void waitingForAPromiseIsForWorkflowCodeOnly() {
        DefaultCompletablePromise<String> pending = new DefaultCompletablePromise<>();

        assertThatThrownBy(pending::get).isInstanceOf(IllegalStateException.class);
        assertThat(pending.toString()).isEqualTo("Promise[pending]");
    }
}
