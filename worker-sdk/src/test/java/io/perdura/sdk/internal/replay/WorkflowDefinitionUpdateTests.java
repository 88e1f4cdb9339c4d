package io.perdura.sdk.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.UpdateMethod;
import io.perdura.sdk.workflow.UpdateValidatorMethod;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a workflow interface's update handlers and validators are read, by Temporal's rules. */
class WorkflowDefinitionUpdateTests {

    @WorkflowInterface
    public interface Good {
        @WorkflowMethod
        void run();

        @UpdateMethod
        String rename(String name, List<String> aliases);

        @UpdateValidatorMethod(updateName = "rename")
        void checkRename(String name, List<String> aliases);

        @UpdateMethod(name = "reset")
        void clear();
    }

    @WorkflowInterface
    public interface DuplicateName {
        @WorkflowMethod
        void run();

        @UpdateMethod(name = "same")
        void one();

        @UpdateMethod(name = "same")
        void two(int x);
    }

    @WorkflowInterface
    public interface ValidatorReturnsAValue {
        @WorkflowMethod
        void run();

        @UpdateMethod
        void rename(String name);

        @UpdateValidatorMethod(updateName = "rename")
        boolean checkRename(String name);
    }

    @WorkflowInterface
    public interface ValidatorWithOtherParameters {
        @WorkflowMethod
        void run();

        @UpdateMethod
        void rename(String name, List<String> aliases);

        @UpdateValidatorMethod(updateName = "rename")
        void checkRename(String name, List<Integer> aliases);
    }

    @WorkflowInterface
    public interface ValidatorOfNoUpdate {
        @WorkflowMethod
        void run();

        @UpdateValidatorMethod(updateName = "rename")
        void checkRename(String name);
    }

    @WorkflowInterface
    public interface TwoValidators {
        @WorkflowMethod
        void run();

        @UpdateMethod
        void rename(String name);

        @UpdateValidatorMethod(updateName = "rename")
        void checkRename(String name);

        @UpdateValidatorMethod(updateName = "rename")
        void checkRenameAgain(String name);
    }

    @WorkflowInterface
    public interface SignalAndUpdate {
        @WorkflowMethod
        void run();

        @SignalMethod
        @UpdateMethod
        void rename(String name);
    }

    @Test
    void updateMethodsAreReadWithTheirValidatorsByUpdateName() throws Exception {
        WorkflowDefinition definition = WorkflowDefinition.of(Good.class, () -> null);

        assertThat(definition.updateMethods()).containsOnlyKeys("rename", "reset");
        assertThat(definition.updateMethods().get("rename"))
                .isEqualTo(new UpdateMethods(
                        Good.class.getMethod("rename", String.class, List.class),
                        Good.class.getMethod("checkRename", String.class, List.class)));
        assertThat(definition.updateMethods().get("reset").validator()).isNull();
    }

    @Test
    void registrationRefusesWhatTemporalRefuses() {
        assertThatThrownBy(() -> WorkflowDefinition.of(DuplicateName.class, () -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("duplicate update name 'same'");
        assertThatThrownBy(() -> WorkflowDefinition.of(ValidatorReturnsAValue.class, () -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("must return void");
        assertThatThrownBy(() -> WorkflowDefinition.of(ValidatorWithOtherParameters.class, () -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must take the same parameters as @UpdateMethod");
        assertThatThrownBy(() -> WorkflowDefinition.of(ValidatorOfNoUpdate.class, () -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validates update 'rename', which has no @UpdateMethod in");
        assertThatThrownBy(() -> WorkflowDefinition.of(TwoValidators.class, () -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("update 'rename' has more than one @UpdateValidatorMethod");
        assertThatThrownBy(() -> WorkflowDefinition.of(SignalAndUpdate.class, () -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must carry exactly one of");
    }
}
