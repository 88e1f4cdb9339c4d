package io.perdura.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.perdura.sdk.activity.Activity;
import io.perdura.sdk.activity.ActivityInfo;
import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.client.ActivityCanceledException;
import io.perdura.testing.fixtures.FileProcessing;
import io.perdura.testing.fixtures.FileProcessingImpl;
import io.perdura.testing.fixtures.Notifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestActivityEnvironmentTests {

    private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();

    @Test
    void heartbeatsReachTheListenerInOrder() {
        env.registerActivitiesImplementations(new FileProcessingImpl());
        List<Integer> progress = new ArrayList<>();
        env.setActivityHeartbeatListener(Integer.class, progress::add);

        int done = env.newActivityStub(FileProcessing.class).process("input.csv", 3);

        assertThat(done).isEqualTo(3);
        assertThat(progress).containsExactly(1, 2, 3);
    }

    @Test
    void aRetriedAttemptResumesFromThePreviousAttemptsDetails() {
        env.registerActivitiesImplementations(new FileProcessingImpl());
        env.setHeartbeatDetails(2);
        List<Integer> progress = new ArrayList<>();
        env.setActivityHeartbeatListener(Integer.class, progress::add);

        int done = env.newActivityStub(FileProcessing.class).process("input.csv", 5);

        assertThat(done).isEqualTo(3);
        assertThat(progress).containsExactly(3, 4, 5);
    }

    @Test
    void aCancellationRequestMakesTheNextHeartbeatThrow() {
        env.registerActivitiesImplementations(new FileProcessingImpl());
        env.requestCancelActivity();

        assertThatThrownBy(() -> env.newActivityStub(FileProcessing.class).process("input.csv", 3))
                .isInstanceOf(ActivityCanceledException.class);
    }

    @Test
    void theActivitySeesItsInfo() {
        env.registerActivitiesImplementations(new InfoReporterImpl());
        ActivityOptions options = ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(42))
                .setHeartbeatTimeout(Duration.ofSeconds(5))
                .build();

        String info = env.newActivityStub(InfoReporter.class, options).report();

        assertThat(info).isEqualTo("Report attempt 1 start-to-close PT42S heartbeat PT5S");
    }

    @Test
    void aMockIsCalledWithTheArgumentsAsTheyWouldArriveOverTheWire() {
        Notifier notifier = mock(Notifier.class);
        when(notifier.notify("hi")).thenReturn("sent");
        env.registerActivitiesImplementations(notifier);

        assertThat(env.newActivityStub(Notifier.class).notify("hi")).isEqualTo("sent");
        verify(notifier).notify("hi");
    }

    @Test
    void whatTheActivityThrowsTheStubThrows() {
        env.registerActivitiesImplementations((Notifier) message -> {
            throw new IllegalStateException("no " + message);
        });

        assertThatThrownBy(() -> env.newActivityStub(Notifier.class).notify("mail"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no mail");
    }

    @ActivityInterface
    public interface InfoReporter {
        String report();
    }

    public static class InfoReporterImpl implements InfoReporter {
        @Override
        public String report() {
            ActivityInfo info = Activity.getExecutionContext().getInfo();
            return info.getActivityType() + " attempt " + info.getAttempt() + " start-to-close "
                    + info.getStartToCloseTimeout() + " heartbeat " + info.getHeartbeatTimeout();
        }
    }
}
