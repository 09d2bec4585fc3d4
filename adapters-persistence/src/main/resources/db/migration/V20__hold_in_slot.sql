-- A run paid from credits starts in one round trip: its run slot and its hold in one statement,
-- where run_slot_try_start and credit_hold took two, each with a commit of its own.

-- As in V17, except for lapsed slots. They are deleted after the new slot is taken, and one that a
-- run's end is deleting at this moment is skipped: that end holds the account's row, which the new
-- slot's foreign-key check waits for, so waiting for its slot row too could close a circle. Only
-- unexpired slots are counted, so a lapsed one left behind never counts.
CREATE OR REPLACE FUNCTION run_slot_try_start(
    p_run UUID, p_account UUID, p_lock_key TEXT,
    p_now TIMESTAMPTZ, p_until TIMESTAMPTZ, p_max INTEGER)
RETURNS BOOLEAN AS $$
DECLARE
    v_started BOOLEAN;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_lock_key, 0));
    INSERT INTO run_slots (run_id, account_id, started_at, lease_until)
    SELECT p_run, p_account, p_now, p_until
     WHERE (SELECT count(*) FROM run_slots
             WHERE account_id = p_account AND lease_until > p_now) < p_max;
    v_started := FOUND;
    DELETE FROM run_slots WHERE run_id IN (
        SELECT s.run_id FROM run_slots s
         WHERE s.account_id = p_account AND s.lease_until <= p_now
           FOR UPDATE SKIP LOCKED);
    RETURN v_started;
END
$$ LANGUAGE plpgsql;

-- The two in one transaction, both or neither: no slot free (outcome NO_SLOT), nothing is held;
-- no hold placed (SHORT, NO_ACCOUNT), the slot is given back. A replay of a hold (EXISTING) is
-- answered as credit_hold answers it, and takes no slot.
CREATE FUNCTION credit_hold_in_slot(
    p_account UUID, p_amount BIGINT, p_key TEXT, p_reference TEXT,
    p_run UUID, p_lock_key TEXT, p_now TIMESTAMPTZ, p_until TIMESTAMPTZ, p_max INTEGER)
RETURNS TABLE (outcome TEXT, amount BIGINT, balance BIGINT) AS $$
DECLARE
    v_held RECORD;
BEGIN
    IF EXISTS (SELECT 1 FROM ledger_entries e
                WHERE e.account_id = p_account AND e.idempotency_key = p_key) THEN
        RETURN QUERY SELECT * FROM credit_hold(p_account, p_amount, p_key, p_reference);
        RETURN;
    END IF;
    IF NOT run_slot_try_start(p_run, p_account, p_lock_key, p_now, p_until, p_max) THEN
        RETURN QUERY SELECT 'NO_SLOT'::TEXT, NULL::BIGINT, NULL::BIGINT;
        RETURN;
    END IF;
    SELECT * INTO v_held FROM credit_hold(p_account, p_amount, p_key, p_reference);
    IF v_held.outcome <> 'HELD' THEN
        DELETE FROM run_slots WHERE run_id = p_run;
    END IF;
    RETURN QUERY SELECT v_held.outcome, v_held.amount, v_held.balance;
END
$$ LANGUAGE plpgsql;
