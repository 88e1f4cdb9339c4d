-- Identifiers compare exactly (ADR 12): a namespace, workflow id, run id, task queue, workflow type or
-- request id equals another only when their code points do, so 'Order-1' and 'order-1', 'café' and
-- 'cafe', 'straße' and 'strase', 'id-a' and 'id-a ' (trailing space), 'DEFAULT' and 'default' differ.
--
-- CONVERT TO gives every character column of a table (and so its primary key, unique keys and
-- indexes) and the table's default, for columns added later, the binary NO PAD collation of the
-- server: utf8mb4_nopad_bin on MariaDB, utf8mb4_0900_bin on MySQL 8 (utf8mb4_bin would still ignore
-- trailing spaces). It alters in place: rows are kept, and keys that were unique under the
-- insensitive collation stay unique under the exact one. H2 in MySQL mode accepts the statement and
-- ignores it; its VARCHAR compares exactly already.
--
-- A table added later gives the same collation itself:
--     CREATE TABLE … (…) DEFAULT CHARSET=utf8mb4 COLLATE=${identifier_collation}
ALTER TABLE namespaces CONVERT TO CHARACTER SET utf8mb4 COLLATE ${identifier_collation};
ALTER TABLE shards CONVERT TO CHARACTER SET utf8mb4 COLLATE ${identifier_collation};
ALTER TABLE executions CONVERT TO CHARACTER SET utf8mb4 COLLATE ${identifier_collation};
ALTER TABLE current_executions CONVERT TO CHARACTER SET utf8mb4 COLLATE ${identifier_collation};
ALTER TABLE start_requests CONVERT TO CHARACTER SET utf8mb4 COLLATE ${identifier_collation};
ALTER TABLE history_events CONVERT TO CHARACTER SET utf8mb4 COLLATE ${identifier_collation};
ALTER TABLE timer_tasks CONVERT TO CHARACTER SET utf8mb4 COLLATE ${identifier_collation};
ALTER TABLE transfer_tasks CONVERT TO CHARACTER SET utf8mb4 COLLATE ${identifier_collation};
