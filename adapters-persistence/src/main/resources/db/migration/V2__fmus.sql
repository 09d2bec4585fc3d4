-- Uploaded FMUs per account. Bytes live in the FMU store under their SHA-256; one record per
-- (account, content), so uploading the same file twice gives the same record.
CREATE TABLE fmus (
    id           TEXT        PRIMARY KEY,
    account_id   UUID        NOT NULL REFERENCES accounts (id),
    sha256       TEXT        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    model_name   TEXT        NOT NULL,
    fmi_version  TEXT        NOT NULL,
    size_bytes   BIGINT      NOT NULL CHECK (size_bytes >= 0),
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (account_id, sha256)
);

CREATE INDEX fmus_account_created_idx ON fmus (account_id, created_at DESC);
