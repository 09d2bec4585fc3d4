-- A run keeps the model's name (history shows names, not ids) and the request it was asked with
-- (snake_case JSON, as the API takes it; no payment details), so it can be run again as it was.
-- Runs from before have no request; their model name is filled in where it is still known.
ALTER TABLE runs
    ADD COLUMN model_name TEXT,
    ADD COLUMN request    JSONB;

UPDATE runs SET model_name = substring(fmu_id FROM 5) WHERE fmu_id LIKE 'lib:%';
UPDATE runs r SET model_name = f.model_name
    FROM fmus f
    WHERE r.model_name IS NULL AND f.id = r.fmu_id AND f.account_id = r.account_id;

-- The kinds an upload offers ('cs', 'me'), comma-separated; NULL for uploads kept before this.
ALTER TABLE fmus ADD COLUMN interfaces TEXT;
