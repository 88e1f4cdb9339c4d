package io.perdura.history;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** The eager workflow start scenarios on H2 in MySQL mode, a fresh database per test. */
class H2EagerWorkflowStartTests extends AbstractEagerWorkflowStartTests {

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
}
