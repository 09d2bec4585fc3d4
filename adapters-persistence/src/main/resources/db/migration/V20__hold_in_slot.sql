-- A run paid from credits starts in one round trip: its run slot and its hold in one statement,
-- where run_slot_try_start and credit_hold took two, each with a commit of its own. Both or
-- neither: no slot free, nothing is held; balance short, no slot is taken.
CREATE FUNCTION credit_hold_in_slot(
    p_account UUID, p_amount BIGINT, p_key TEXT, p_reference TEXT,
    p_run UUID, p_lock_key TEXT, p_now TIMESTAMPTZ, p_until TIMESTAMPTZ, p_max INTEGER)
RETURNS TABLE (outcome TEXT, amount BIGINT, balance BIGINT) AS $$
DECLARE
    v_existing BIGINT;
    v_balance  BIGINT;
BEGIN
    -- The account's slot lock first, then its row: run_slot_try_start holds the slot lock while its
    -- insert checks the account's key, which waits for a row lock, so this order never closes a
    -- circle with it.
    PERFORM pg_advisory_xact_lock(hashtextextended(p_lock_key, 0));
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
    -- Lapsed slots go, but not one a run's end is deleting at this moment: that end waits for the
    -- account's row, which this holds. Lapsed slots left behind do not count either way.
    DELETE FROM run_slots WHERE run_id IN (
        SELECT s.run_id FROM run_slots s
         WHERE s.account_id = p_account AND s.lease_until <= p_now
           FOR UPDATE SKIP LOCKED);
    IF (SELECT count(*) FROM run_slots s
         WHERE s.account_id = p_account AND s.lease_until > p_now) >= p_max THEN
        RETURN QUERY SELECT 'NO_SLOT'::TEXT, NULL::BIGINT, NULL::BIGINT;
        RETURN;
    END IF;
    v_balance := COALESCE((SELECT b.balance FROM credit_balances b WHERE b.account_id = p_account), 0);
    IF v_balance < p_amount THEN
        RETURN QUERY SELECT 'SHORT'::TEXT, NULL::BIGINT, v_balance;
        RETURN;
    END IF;
    INSERT INTO run_slots (run_id, account_id, started_at, lease_until)
    VALUES (p_run, p_account, p_now, p_until);
    INSERT INTO ledger_entries (account_id, kind, amount, idempotency_key, reference)
    VALUES (p_account, 'HOLD', -p_amount, p_key, p_reference);
    RETURN QUERY SELECT 'HELD'::TEXT, p_amount, v_balance;
END
$$ LANGUAGE plpgsql;
