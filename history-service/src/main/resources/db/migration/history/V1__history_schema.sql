-- History service schema. Plain SQL that runs on MariaDB/MySQL 8 and on H2 in MySQL mode.
-- Times are epoch milliseconds (BIGINT) so that no time zone conversion can differ between backends.

CREATE TABLE namespaces (
    name          VARCHAR(255) NOT NULL,
    description   VARCHAR(1024),
    retention_days INT NOT NULL,
    created_time  BIGINT NOT NULL,
    PRIMARY KEY (name)
);

INSERT INTO namespaces (name, description, retention_days, created_time)
VALUES ('default', 'The default namespace', 30, 0);

CREATE TABLE shards (
    shard_id     INT NOT NULL,
    range_id     BIGINT NOT NULL,
    owner        VARCHAR(255),
    updated_time BIGINT NOT NULL,
    PRIMARY KEY (shard_id)
);

CREATE TABLE executions (
    namespace      VARCHAR(255) NOT NULL,
    workflow_id    VARCHAR(255) NOT NULL,
    run_id         VARCHAR(64) NOT NULL,
    shard_id       INT NOT NULL,
    status         VARCHAR(32) NOT NULL,
    workflow_type  VARCHAR(255) NOT NULL,
    task_queue     VARCHAR(255) NOT NULL,
    start_time     BIGINT NOT NULL,
    close_time     BIGINT,
    next_event_id  BIGINT NOT NULL,
    db_version     BIGINT NOT NULL,
    state          MEDIUMTEXT NOT NULL,
    PRIMARY KEY (namespace, workflow_id, run_id)
);

CREATE INDEX ix_executions_list ON executions (namespace, start_time, run_id);

CREATE TABLE current_executions (
    namespace        VARCHAR(255) NOT NULL,
    workflow_id      VARCHAR(255) NOT NULL,
    run_id           VARCHAR(64) NOT NULL,
    status           VARCHAR(32) NOT NULL,
    start_request_id VARCHAR(255),
    PRIMARY KEY (namespace, workflow_id)
);

CREATE TABLE start_requests (
    namespace   VARCHAR(255) NOT NULL,
    workflow_id VARCHAR(255) NOT NULL,
    request_id  VARCHAR(255) NOT NULL,
    run_id      VARCHAR(64) NOT NULL,
    PRIMARY KEY (namespace, workflow_id, request_id)
);

CREATE TABLE history_events (
    run_id     VARCHAR(64) NOT NULL,
    event_id   BIGINT NOT NULL,
    event_type VARCHAR(64) NOT NULL,
    event_time BIGINT NOT NULL,
    data       MEDIUMTEXT NOT NULL,
    PRIMARY KEY (run_id, event_id)
);

CREATE TABLE timer_tasks (
    shard_id    INT NOT NULL,
    task_id     BIGINT NOT NULL,
    fire_time   BIGINT NOT NULL,
    namespace   VARCHAR(255) NOT NULL,
    workflow_id VARCHAR(255) NOT NULL,
    run_id      VARCHAR(64) NOT NULL,
    task_type   VARCHAR(64) NOT NULL,
    data        MEDIUMTEXT NOT NULL,
    PRIMARY KEY (shard_id, task_id)
);

CREATE INDEX ix_timer_tasks_fire ON timer_tasks (shard_id, fire_time);

CREATE TABLE transfer_tasks (
    shard_id    INT NOT NULL,
    task_id     BIGINT NOT NULL,
    namespace   VARCHAR(255) NOT NULL,
    workflow_id VARCHAR(255) NOT NULL,
    run_id      VARCHAR(64) NOT NULL,
    task_type   VARCHAR(64) NOT NULL,
    data        MEDIUMTEXT NOT NULL,
    PRIMARY KEY (shard_id, task_id)
);
