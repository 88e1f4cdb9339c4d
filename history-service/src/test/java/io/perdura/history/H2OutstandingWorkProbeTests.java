package io.perdura.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.perdura.common.command.Command;
import io.perdura.common.json.Json;
import io.perdura.history.persistence.OutstandingWorkProbe;
import io.perdura.history.persistence.OutstandingWorkProbe.OutstandingWork;
import java.time.Duration;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What the test server's skipping clock asks history (ADR 24), on H2 in MySQL mode. */
class H2OutstandingWorkProbeTests extends AbstractHistoryEngineTests {

    private HikariDataSource dataSource;

    @Override
    protected DataSource dataSource() {
        if (dataSource == null) {
            dataSource = TestDatabases.h2();
        }
        return dataSource;
    }

    @Override
    protected void afterServerStopped() {
        dataSource.close();
    }

    @Test
    void busyWhileATaskOrActivityIsOutstandingQuietWhileOnlyATimerWaits() {
        OutstandingWorkProbe probe = new OutstandingWorkProbe(dataSource());
        assertThat(probe.read(System.currentTimeMillis()))
                .isEqualTo(new OutstandingWork(false, java.util.OptionalLong.empty()));
        String workflowId = newWorkflowId();
        start(workflowId);

        assertThat(probe.read(System.currentTimeMillis()).busy()).isTrue(); // the first workflow task

        complete(pollWorkflowTask(workflowId), activity("a1", null));
        assertThat(probe.read(System.currentTimeMillis()).busy()).isTrue(); // the activity
        completeActivity(pollActivityTask(workflowId), Json.tree("done"));
        complete(pollWorkflowTask(workflowId), new Command.StartTimer("nap", Duration.ofHours(1)));

        long now = System.currentTimeMillis();
        Awaitility.await()
                .untilAsserted(() -> assertThat(probe.read(now).busy()).isFalse());
        OutstandingWork quiet = probe.read(now);
        assertThat(quiet.nextTimerMillis()).isPresent();
        assertThat(quiet.nextTimerMillis().getAsLong())
                .isBetween(
                        now + Duration.ofMinutes(59).toMillis(),
                        now + Duration.ofMinutes(61).toMillis());
        // a clock past the timer's due time: the timer is work in progress until it fires
        assertThat(probe.read(now + Duration.ofHours(2).toMillis()).busy()).isTrue();
    }
}
