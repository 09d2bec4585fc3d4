-- Runs in progress, one row each, so a per-account limit on runs at once holds across every
-- gateway on this database. A row is deleted when its run ends; a gateway that dies leaves its rows
-- behind, and they stop counting at lease_until.
CREATE TABLE run_slots (
    run_id       UUID        PRIMARY KEY,
    account_id   UUID        NOT NULL REFERENCES accounts (id),
    started_at   TIMESTAMPTZ NOT NULL,
    lease_until  TIMESTAMPTZ NOT NULL
);

CREATE INDEX run_slots_account_idx ON run_slots (account_id, lease_until);
