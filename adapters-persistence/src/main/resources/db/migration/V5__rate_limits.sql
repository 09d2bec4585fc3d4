-- Fixed-window request counters shared by every gateway instance. Old windows are purged.
CREATE TABLE rate_limit_windows (
    bucket        TEXT        NOT NULL,
    window_start  TIMESTAMPTZ NOT NULL,
    hits          INTEGER     NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

CREATE INDEX rate_limit_windows_start_idx ON rate_limit_windows (window_start);
