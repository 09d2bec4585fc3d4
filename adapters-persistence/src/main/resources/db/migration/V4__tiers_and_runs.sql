-- Accounts get a tier; every simulation request that held credits is metered in runs.
ALTER TABLE accounts
    ADD COLUMN tier TEXT NOT NULL DEFAULT 'FREE' CHECK (tier IN ('FREE', 'PRO', 'ENTERPRISE'));

CREATE TABLE runs (
    id              UUID        PRIMARY KEY,
    account_id      UUID        NOT NULL REFERENCES accounts (id),
    fmu_id          TEXT        NOT NULL,
    fmu_sha256      TEXT        NOT NULL,
    fmu_interface   TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED')),
    failure_cause   TEXT,
    quoted_credits  BIGINT      NOT NULL CHECK (quoted_credits >= 0),
    cost_credits    BIGINT      NOT NULL CHECK (cost_credits >= 0),
    cpu_ms          BIGINT      NOT NULL,
    wall_ms         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX runs_account_created_idx ON runs (account_id, created_at DESC);
CREATE INDEX runs_created_idx ON runs (created_at);
