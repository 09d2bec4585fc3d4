-- The hot path's lock-read-write steps, each one round trip instead of four to six. Inside a
-- plpgsql function every statement takes a fresh snapshot (READ COMMITTED), so what is read after
-- the lock includes everything committed before the lock was granted: the same guarantees as the
-- separate statements they replace, in the same order.

-- Reserves p_amount for one run under the account's row lock. outcome: HELD (a new hold of
-- amount), EXISTING (this key held amount before), SHORT (balance below p_amount, nothing
-- written), NO_ACCOUNT.
CREATE FUNCTION credit_hold(p_account UUID, p_amount BIGINT, p_key TEXT, p_reference TEXT)
RETURNS TABLE (outcome TEXT, amount BIGINT, balance BIGINT) AS $$
DECLARE
    v_existing BIGINT;
    v_balance  BIGINT;
BEGIN
    PERFORM 1 FROM accounts WHERE id = p_account FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'NO_ACCOUNT'::TEXT, NULL::BIGINT, NULL::BIGINT;
        RETURN;
    END IF;
    SELECT e.amount INTO v_existing FROM ledger_entries e
     WHERE e.account_id = p_account AND e.idempotency_key = p_key;
    IF FOUND THEN
        RETURN QUERY SELECT 'EXISTING'::TEXT, -v_existing, NULL::BIGINT;
        RETURN;
    END IF;
    SELECT COALESCE(SUM(e.amount), 0) INTO v_balance FROM ledger_entries e
     WHERE e.account_id = p_account;
    IF v_balance < p_amount THEN
        RETURN QUERY SELECT 'SHORT'::TEXT, NULL::BIGINT, v_balance;
        RETURN;
    END IF;
    INSERT INTO ledger_entries (account_id, kind, amount, idempotency_key, reference)
    VALUES (p_account, 'HOLD', -p_amount, p_key, p_reference)
    ON CONFLICT (account_id, idempotency_key) DO NOTHING;
    RETURN QUERY SELECT 'HELD'::TEXT, p_amount, v_balance;
END
$$ LANGUAGE plpgsql;

-- Ends a hold once, under the account's row lock: unless its release entry exists, writes the
-- capture (when p_capture_key is given) and then the release. TRUE when it did, FALSE when the
-- hold had ended before, NULL when there is no such account.
CREATE FUNCTION credit_end_hold(
    p_account UUID, p_reference TEXT,
    p_release BIGINT, p_release_key TEXT,
    p_capture BIGINT, p_capture_key TEXT)
RETURNS BOOLEAN AS $$
BEGIN
    PERFORM 1 FROM accounts WHERE id = p_account FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    PERFORM 1 FROM ledger_entries WHERE account_id = p_account AND idempotency_key = p_release_key;
    IF FOUND THEN
        RETURN FALSE;
    END IF;
    IF p_capture_key IS NOT NULL THEN
        INSERT INTO ledger_entries (account_id, kind, amount, idempotency_key, reference)
        VALUES (p_account, 'CAPTURE', p_capture, p_capture_key, p_reference)
        ON CONFLICT (account_id, idempotency_key) DO NOTHING;
    END IF;
    INSERT INTO ledger_entries (account_id, kind, amount, idempotency_key, reference)
    VALUES (p_account, 'RELEASE', p_release, p_release_key, p_reference)
    ON CONFLICT (account_id, idempotency_key) DO NOTHING;
    RETURN FOUND;
END
$$ LANGUAGE plpgsql;

-- Takes one of the account's run slots under its advisory lock: lapsed slots dropped, the rest
-- counted, the new one inserted only below p_max. TRUE when taken.
CREATE FUNCTION run_slot_try_start(
    p_run UUID, p_account UUID, p_lock_key TEXT,
    p_now TIMESTAMPTZ, p_until TIMESTAMPTZ, p_max INTEGER)
RETURNS BOOLEAN AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_lock_key, 0));
    DELETE FROM run_slots WHERE account_id = p_account AND lease_until <= p_now;
    INSERT INTO run_slots (run_id, account_id, started_at, lease_until)
    SELECT p_run, p_account, p_now, p_until
     WHERE (SELECT count(*) FROM run_slots WHERE account_id = p_account) < p_max;
    RETURN FOUND;
END
$$ LANGUAGE plpgsql;
