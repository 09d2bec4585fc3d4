-- Checkouts: one row per checkout opened at a provider. status leaves PENDING once (the UPDATE
-- that settles a session requires status = 'PENDING'); next_check_at leases a pending session to
-- one reconciling gateway at a time.
CREATE TABLE payment_sessions (
    id                   TEXT        PRIMARY KEY,
    account_id           UUID        NOT NULL REFERENCES accounts (id),
    purpose              TEXT        NOT NULL CHECK (purpose IN ('RUN', 'CREDIT_PACK')),
    pack_id              TEXT,
    credits              BIGINT      NOT NULL DEFAULT 0,
    fmu_id               TEXT,
    amount_minor         BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency             TEXT        NOT NULL,
    method               TEXT        NOT NULL CHECK (method IN ('CARD', 'CRYPTO')),
    provider             TEXT        NOT NULL,
    provider_session_id  TEXT        NOT NULL,
    checkout_url         TEXT        NOT NULL,
    status               TEXT        NOT NULL CHECK (status IN ('PENDING', 'PAID', 'EXPIRED', 'FAILED')),
    fingerprint          TEXT        NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    expires_at           TIMESTAMPTZ NOT NULL,
    settled_at           TIMESTAMPTZ,
    next_check_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (provider, provider_session_id),
    CHECK ((purpose = 'RUN' AND pack_id IS NULL AND credits = 0)
        OR (purpose = 'CREDIT_PACK' AND pack_id IS NOT NULL AND credits > 0)),
    CHECK ((status = 'PENDING') = (settled_at IS NULL))
);

CREATE INDEX payment_sessions_reuse_idx ON payment_sessions (account_id, fingerprint)
    WHERE status = 'PENDING';
CREATE INDEX payment_sessions_reconcile_idx ON payment_sessions (next_check_at)
    WHERE status = 'PENDING';

-- Payment tokens: at most one per session. Only the SHA-256 of a token and the seed it is derived
-- from under the server secret are stored; neither gives the token away without the secret.
CREATE TABLE payment_tokens (
    token_hash   TEXT        PRIMARY KEY,
    session_id   TEXT        NOT NULL UNIQUE REFERENCES payment_sessions (id),
    account_id   UUID        NOT NULL REFERENCES accounts (id),
    seed         TEXT        NOT NULL,
    state        TEXT        NOT NULL CHECK (state IN ('READY', 'RESERVED', 'CONSUMED')),
    ready_at     TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    reserved_at  TIMESTAMPTZ,
    consumed_at  TIMESTAMPTZ,
    run_id       UUID,
    CHECK ((state = 'RESERVED') = (reserved_at IS NOT NULL)),
    CHECK ((state = 'CONSUMED') = (consumed_at IS NOT NULL AND run_id IS NOT NULL))
);

CREATE INDEX payment_tokens_reserved_idx ON payment_tokens (reserved_at) WHERE state = 'RESERVED';

-- Provider events processed, each once: inserted in the transaction that applies the event.
CREATE TABLE webhook_events (
    provider     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    session_id   TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider, event_id)
);
