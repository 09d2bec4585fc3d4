-- Shared blob storage (FMU archives, stored results): every node reaches every blob. An upload
-- writes its chunks (~1 MiB each) under its own id; the blob appears, whole, when its row in blobs
-- is inserted, and the first complete upload of a key wins. Uploads that never completed (a node
-- died mid-way) are purged after a day.
CREATE TABLE blob_uploads (
    upload_id   UUID        PRIMARY KEY,
    started_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE blob_chunks (
    upload_id  UUID    NOT NULL REFERENCES blob_uploads (upload_id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL CHECK (seq >= 0),
    data       BYTEA   NOT NULL,
    PRIMARY KEY (upload_id, seq)
);

CREATE TABLE blobs (
    key          TEXT        PRIMARY KEY,
    upload_id    UUID        NOT NULL UNIQUE REFERENCES blob_uploads (upload_id),
    sha256       TEXT        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes   BIGINT      NOT NULL CHECK (size_bytes >= 0),
    chunk_count  INTEGER     NOT NULL CHECK (chunk_count >= 0),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
