package io.perdura.sdk.internal.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.model.Failure;
import io.perdura.common.model.Failure.FailureKind;
import io.perdura.common.model.RetryState;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

class ConverterTests {

    @Test
    void failureChainsRoundTrip() {
        ActivityFailure original = new ActivityFailure(
                "Charge",
                "3",
                7,
                8,
                RetryState.MAXIMUM_ATTEMPTS_REACHED,
                ApplicationFailure.newFailureWithCause(
                        "declined", "CardDeclined", new IllegalStateException("gateway said no"), "card-1"));

        Failure failure = FailureConverter.toFailure(original);
        RuntimeException back = FailureConverter.toException(failure);

        assertThat(failure.kind()).isEqualTo(FailureKind.ACTIVITY);
        assertThat(failure.cause().type()).isEqualTo("CardDeclined");
        assertThat(failure.cause().cause().type()).isEqualTo(IllegalStateException.class.getName());
        assertThat(back).isInstanceOfSatisfying(ActivityFailure.class, a -> {
            assertThat(a.getActivityId()).isEqualTo("3");
            assertThat(a.getCause()).isInstanceOfSatisfying(ApplicationFailure.class, app -> {
                assertThat(app.getType()).isEqualTo("CardDeclined");
                assertThat(app.getDetail(0, String.class)).isEqualTo("card-1");
                assertThat(app.getCause())
                        .isInstanceOfSatisfying(
                                ApplicationFailure.class,
                                inner -> assertThat(inner.getType()).isEqualTo(IllegalStateException.class.getName()));
            });
        });
    }
}
