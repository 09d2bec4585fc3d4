-- The credit ledger: append-only, one row per movement, the balance is the sum of an account's
-- amounts. (account_id, idempotency_key) is unique, so a retried or replayed operation cannot add
-- a second entry; signs are fixed per kind; a trigger refuses UPDATE and DELETE.
CREATE TABLE ledger_entries (
    id               BIGSERIAL   PRIMARY KEY,
    account_id       UUID        NOT NULL REFERENCES accounts (id),
    kind             TEXT        NOT NULL,
    amount           BIGINT      NOT NULL,
    idempotency_key  TEXT        NOT NULL,
    reference        TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (account_id, idempotency_key),
    CHECK (
        (kind IN ('GRANT', 'PURCHASE', 'RELEASE', 'REFUND') AND amount >= 0)
        OR (kind IN ('HOLD', 'CAPTURE', 'EXPIRY') AND amount <= 0)
    )
);

CREATE INDEX ledger_entries_account_idx ON ledger_entries (account_id, id DESC);

CREATE FUNCTION ledger_entries_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entries is append-only';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_entries_append_only
    BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();
