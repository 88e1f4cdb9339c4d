package io.perdura.history.persistence;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link NamespaceStore} over JDBC; remembers namespaces found (they are never deleted here). */
public final class JdbcNamespaceStore implements NamespaceStore {

    private final JdbcTemplate jdbc;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public JdbcNamespaceStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public boolean exists(String namespace) {
        if (known.contains(namespace)) {
            return true;
        }
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM namespaces WHERE name = ?", Integer.class, namespace);
        if (count != null && count > 0) {
            known.add(namespace);
            return true;
        }
        return false;
    }
}
