package io.perdura.testing;

import io.perdura.history.HistoryServer;
import io.perdura.history.persistence.OutstandingWorkProbe;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An in-process Perdura server for one test environment: frontend, history and matching in their
 * own Spring context, on a fresh in-memory H2 database (MySQL mode, as the dev server configures
 * it) and a free port, on the environment's {@link TestClock}. Nothing is static: any number run in
 * one JVM. It reads none of the application's configuration files and leaves its logging alone.
 */
final class TestServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String databaseUrl;
    private final String target;

    private TestServer(ConfigurableApplicationContext context, String databaseUrl) {
        this.context = context;
        this.databaseUrl = databaseUrl;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.target = "http://127.0.0.1:" + port;
    }

    static TestServer start(TimeSkipper skipper) {
        SpringApplication application = new SpringApplication(TestServerConfiguration.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setRegisterShutdownHook(false);
        application.setLogStartupInfo(false);
        List<ApplicationListener<?>> listeners = new ArrayList<>(application.getListeners());
        listeners.removeIf(listener -> listener instanceof LoggingApplicationListener);
        application.setListeners(listeners);
        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("perduraTestClock", skipper.clock());
            context.getBeanFactory().registerSingleton("perduraTestTimeSkipper", skipper);
        });
        String databaseUrl = "jdbc:h2:mem:perdura-test-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,KEY;DB_CLOSE_DELAY=-1";
        ConfigurableApplicationContext context = application.run(arguments(databaseUrl));
        try {
            HistoryServer history = context.getBean(HistoryServer.class);
            skipper.start(
                    new OutstandingWorkProbe(context.getBean(DataSource.class)),
                    () -> history.timerQueue().loadNow());
            return new TestServer(context, databaseUrl);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** As command-line arguments, so neither the application's files nor its environment override them. */
    private static String[] arguments(String databaseUrl) {
        return new String[] {
            "--spring.config.location=optional:classpath:/io/perdura/testing/test-server.properties",
            "--spring.datasource.url=" + databaseUrl,
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--perdura.history.shard-count=" + TestServerConfiguration.PARTITIONS,
        };
    }

    /** The frontend's base URL, {@code http://127.0.0.1:<port>}. */
    String target() {
        return target;
    }

    /** Stops the server and drops its database (kept open between connections until now). */
    @Override
    public void close() {
        context.close();
        try (Connection connection = DriverManager.getConnection(databaseUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already gone
        }
    }
}
