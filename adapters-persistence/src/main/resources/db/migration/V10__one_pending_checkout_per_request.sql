-- One pending checkout per account and request fingerprint, enforced here rather than by a
-- find-then-insert that concurrent requests all pass. A pending checkout about to lapse is
-- superseded (superseded_at set) so a fresh one can answer the request; it stays payable until it
-- expires. Checkouts opened twice before this index existed: all but the newest are superseded.
ALTER TABLE payment_sessions ADD COLUMN superseded_at TIMESTAMPTZ;

UPDATE payment_sessions s SET superseded_at = s.created_at
 WHERE s.status = 'PENDING'
   AND EXISTS (SELECT 1 FROM payment_sessions n
                WHERE n.account_id = s.account_id AND n.fingerprint = s.fingerprint
                  AND n.status = 'PENDING' AND (n.created_at, n.id) > (s.created_at, s.id));

DROP INDEX payment_sessions_reuse_idx;
CREATE UNIQUE INDEX payment_sessions_one_pending_idx ON payment_sessions (account_id, fingerprint)
    WHERE status = 'PENDING' AND superseded_at IS NULL;
