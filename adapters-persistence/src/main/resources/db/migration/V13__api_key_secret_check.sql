-- A check value of the server secret that keys API-key hashes (an HMAC of a fixed label), stored by
-- the first gateway to start: a gateway started with another secret refuses to start instead of
-- silently rejecting every stored key.
CREATE TABLE api_key_secret_check (
    id           SMALLINT    PRIMARY KEY CHECK (id = 1),
    fingerprint  TEXT        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
