-- Who did what, when: key creation and revocation, sign-ups, uploads, grants, payments.
-- Details are key=value pairs, never secrets. Append-only like the ledger.
CREATE TABLE audit_events (
    id        BIGSERIAL   PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL,
    actor     UUID,
    action    TEXT        NOT NULL,
    subject   TEXT        NOT NULL,
    details   TEXT[]      NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_events_at_idx ON audit_events (at DESC);

CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
