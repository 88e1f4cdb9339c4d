package io.perdura.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** A DataSource the test can switch off, as if the database server had stopped. */
final class SwitchableDataSource extends DelegatingDataSource {

    private volatile boolean down;

    SwitchableDataSource(DataSource target) {
        super(target);
    }

    /** From now on every new connection fails (true) or works again (false). */
    void down(boolean down) {
        this.down = down;
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileDown();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhileDown();
        return super.getConnection(username, password);
    }

    private void refuseWhileDown() throws SQLException {
        if (down) {
            throw new SQLTransientConnectionException("the database is down for the test");
        }
    }
}
