package io.perdura.samples.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.testing.PerduraWorkflowExtension;
import io.perdura.testing.TestWorkflowEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A reminder a month away, tested in a moment: the test server's clock skips the timer. */
class ReminderTests {

    private final Notifications notifications = mock(Notifications.class);

    @RegisterExtension
    final PerduraWorkflowExtension perdura = PerduraWorkflowExtension.newBuilder()
            .setWorkflowTypes(ReminderWorkflow.class)
            .setActivityImplementations(notifications)
            .build();

    @Test
    void remindsAfterAMonth(Reminder reminder, TestWorkflowEnvironment env) {
        when(notifications.notify("renew the passport")).thenReturn("Reminder: renew the passport");
        long before = env.currentTimeMillis();

        assertThat(reminder.remind("renew the passport", Duration.ofDays(30).toSeconds()))
                .isEqualTo("Reminder: renew the passport");

        assertThat(env.currentTimeMillis() - before)
                .isGreaterThanOrEqualTo(Duration.ofDays(30).toMillis());
        verify(notifications).notify("renew the passport");
    }

    @Test
    void remindsNoSoonerThanAsked(Reminder reminder, TestWorkflowEnvironment env) {
        WorkflowClient.start(
                reminder::remind, "water the plants", Duration.ofDays(2).toSeconds());

        env.sleep(Duration.ofDays(1));
        verifyNoInteractions(notifications);

        env.sleep(Duration.ofDays(1).plusMinutes(1));
        verify(notifications).notify("water the plants");
    }
}
