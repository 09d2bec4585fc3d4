-- Every 402 that /simulate answered: the top of the payment funnel. Append-only like the ledger.
-- checkout_session_id names the checkout offered with it (none for a quote, or without a provider).
CREATE TABLE payment_requirements (
    id                   BIGSERIAL   PRIMARY KEY,
    account_id           UUID        NOT NULL REFERENCES accounts (id),
    fmu_id               TEXT        NOT NULL,
    at                   TIMESTAMPTZ NOT NULL,
    quote_credits        BIGINT      NOT NULL CHECK (quote_credits >= 0),
    balance_credits      BIGINT      NOT NULL,
    amount_minor         BIGINT      CHECK (amount_minor >= 0),
    currency             TEXT,
    checkout_session_id  TEXT        REFERENCES payment_sessions (id),
    quote_only           BOOLEAN     NOT NULL,
    CHECK ((amount_minor IS NULL) = (currency IS NULL)),
    CHECK (NOT (quote_only AND checkout_session_id IS NOT NULL))
);

CREATE INDEX payment_requirements_at_idx ON payment_requirements (at);

CREATE FUNCTION payment_requirements_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'payment_requirements is append-only';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER payment_requirements_append_only
    BEFORE UPDATE OR DELETE ON payment_requirements
    FOR EACH ROW EXECUTE FUNCTION payment_requirements_append_only();

-- Operators' analytics read payments and run charges by day.
CREATE INDEX payment_sessions_created_idx ON payment_sessions (created_at);
CREATE INDEX payment_sessions_settled_idx ON payment_sessions (settled_at) WHERE status = 'PAID';
CREATE INDEX ledger_entries_capture_idx ON ledger_entries (created_at) WHERE kind = 'CAPTURE';
