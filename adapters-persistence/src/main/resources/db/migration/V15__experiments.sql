-- Experiments (parameter sweeps) and their cases; each case is one job of db-scheduler, whose own
-- table (its documented PostgreSQL schema, priorities included) follows.
CREATE TABLE experiments (
    id              UUID        PRIMARY KEY,
    account_id      UUID        NOT NULL REFERENCES accounts (id),
    fmu_id          TEXT        NOT NULL,
    method          TEXT        NOT NULL,
    request         JSONB       NOT NULL,
    total           INT         NOT NULL CHECK (total > 0),
    quote_per_case  BIGINT      NOT NULL CHECK (quote_per_case >= 0),
    status          TEXT        NOT NULL CHECK (status IN
                        ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIALLY_FAILED', 'FAILED', 'CANCELLED')),
    callback_url    TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ
);

CREATE INDEX experiments_account_idx ON experiments (account_id, created_at DESC);
CREATE INDEX experiments_unfinished_idx ON experiments (account_id) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE experiment_cases (
    id              UUID        PRIMARY KEY,
    experiment_id   UUID        NOT NULL REFERENCES experiments (id),
    idx             INT         NOT NULL CHECK (idx >= 0),
    parameters      JSONB       NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN
                        ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    node            TEXT,
    failure         TEXT,
    cost            BIGINT      NOT NULL DEFAULT 0 CHECK (cost >= 0),
    -- A succeeded case is charged after its status is set; until then its hold stays open.
    charged         BOOLEAN     NOT NULL DEFAULT false,
    kpis            JSONB       NOT NULL DEFAULT '{}',
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    UNIQUE (experiment_id, idx)
);

CREATE INDEX experiment_cases_open_idx ON experiment_cases (experiment_id)
    WHERE status IN ('QUEUED', 'RUNNING');

-- The full result of each succeeded case, written before the case is charged.
CREATE TABLE case_results (
    case_id         UUID        PRIMARY KEY REFERENCES experiment_cases (id),
    report          BYTEA       NOT NULL,
    stored_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx
    ON scheduled_tasks (priority DESC, execution_time ASC);
