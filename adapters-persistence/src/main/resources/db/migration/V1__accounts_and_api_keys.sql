-- Accounts are the tenant boundary; keys are stored only as an HMAC-SHA-256 under a server secret.
CREATE TABLE accounts (
    id          UUID        PRIMARY KEY,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_keys (
    id              UUID        PRIMARY KEY,
    account_id      UUID        NOT NULL REFERENCES accounts (id),
    display_prefix  TEXT        NOT NULL,
    key_hash        TEXT        NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    created_at      TIMESTAMPTZ NOT NULL,
    last_used_at    TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ
);

CREATE INDEX api_keys_account_idx ON api_keys (account_id);
