-- x402 payments presented for runs. payment_key (a SHA-256 of network, asset, payer and the
-- authorization's nonce) is the primary key, so a payment is claimed once across every gateway
-- sharing this database: a replay finds the row and is refused. A claim ends once: SETTLED after a
-- successful run (with its transaction), RUN_FAILED (nothing settled, the payer's funds untouched)
-- or SETTLE_FAILED (the run succeeded, the facilitator did not settle; the result was withheld).
CREATE TABLE x402_payments (
    payment_key   TEXT        PRIMARY KEY,
    account_id    UUID        NOT NULL REFERENCES accounts (id),
    run_id        UUID        NOT NULL,
    payer         TEXT        NOT NULL,
    network       TEXT        NOT NULL,
    asset         TEXT        NOT NULL,
    pay_to        TEXT        NOT NULL,
    amount        NUMERIC(78) NOT NULL CHECK (amount > 0),
    amount_minor  BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency      TEXT        NOT NULL,
    state         TEXT        NOT NULL
        CHECK (state IN ('CLAIMED', 'SETTLED', 'RUN_FAILED', 'SETTLE_FAILED')),
    transaction   TEXT,
    reason        TEXT,
    claimed_at    TIMESTAMPTZ NOT NULL,
    ended_at      TIMESTAMPTZ,
    CHECK ((state = 'CLAIMED') = (ended_at IS NULL)),
    CHECK ((state = 'SETTLED') = (transaction IS NOT NULL))
);

CREATE INDEX x402_payments_settled_idx ON x402_payments (ended_at) WHERE state = 'SETTLED';

-- A run paid with x402 is recorded in its account's ledger as a PAYMENT entry of 0 credits.
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_check CHECK (
    (kind IN ('GRANT', 'PURCHASE', 'RELEASE', 'REFUND') AND amount >= 0)
    OR (kind IN ('HOLD', 'CAPTURE', 'EXPIRY') AND amount <= 0)
    OR (kind = 'PAYMENT' AND amount = 0)
);
