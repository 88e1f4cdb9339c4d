package io.perdura.spring.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import io.perdura.spring.ActivityImpl;
import io.perdura.spring.WorkflowImpl;
import io.perdura.testing.TestWorkflowEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** A {@code @SpringBootTest} whose own {@code @WorkflowImpl} waits a week: it passes in seconds. */
@SpringBootTest(classes = PerduraTestServerAutoConfigurationTests.App.class)
@AutoConfigurePerduraTestServer
class PerduraTestServerAutoConfigurationTests {

    static final String QUEUE = "weekly";

    @Autowired
    WorkflowClient client;

    @Autowired
    TestWorkflowEnvironment env;

    @Test
    void theApplicationsWorkflowRunsOnTheTestServerAndItsWeekLongTimerIsSkipped() {
        assertThat(client).isSameAs(env.getWorkflowClient());
        long started = System.nanoTime();
        long before = env.currentTimeMillis();

        String result = client.newWorkflowStub(
                        WeeklyReport.class,
                        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build())
                .run("sales");

        assertThat(result).isEqualTo("report on sales");
        assertThat(env.currentTimeMillis() - before)
                .isGreaterThanOrEqualTo(Duration.ofDays(7).toMillis());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @EnableAutoConfiguration
    @Import({WeeklyReportWorkflow.class, ReportsActivities.class})
    static class App {}

    @WorkflowInterface
    public interface WeeklyReport {
        @WorkflowMethod
        String run(String topic);
    }

    @ActivityInterface
    public interface Reports {
        String compile(String topic);
    }

    @WorkflowImpl(taskQueue = QUEUE)
    public static class WeeklyReportWorkflow implements WeeklyReport {

        private final Reports reports = Workflow.newActivityStub(
                Reports.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(10))
                        .build());

        @Override
        public String run(String topic) {
            Workflow.sleep(Duration.ofDays(7));
            return reports.compile(topic);
        }
    }

    @ActivityImpl(taskQueue = QUEUE)
    public static class ReportsActivities implements Reports {
        @Override
        public String compile(String topic) {
            return "report on " + topic;
        }
    }
}
