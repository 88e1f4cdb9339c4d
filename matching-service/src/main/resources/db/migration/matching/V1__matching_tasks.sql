-- The durable backlog of matching: tasks added while no poller waited. A row is deleted once the
-- task is recorded started in history (or found stale). Runs on MariaDB/MySQL and H2 (MySQL mode).
CREATE TABLE matching_tasks (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    namespace          VARCHAR(255) NOT NULL,
    task_queue         VARCHAR(255) NOT NULL,
    kind               VARCHAR(16)  NOT NULL,
    workflow_id        VARCHAR(255) NOT NULL,
    run_id             VARCHAR(64)  NOT NULL,
    scheduled_event_id BIGINT       NOT NULL,
    attempt            INT          NOT NULL,
    created_time       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_matching_tasks_task UNIQUE (namespace, task_queue, kind, run_id, scheduled_event_id, attempt)
);

CREATE INDEX ix_matching_tasks_queue ON matching_tasks (namespace, task_queue, kind, id);
