-- Signed-up accounts log in with email (unique, case-insensitive) and a bcrypt hash; roles
-- separate customers from operators.
ALTER TABLE accounts
    ADD COLUMN email TEXT,
    ADD COLUMN password_hash TEXT,
    ADD COLUMN role TEXT NOT NULL DEFAULT 'CUSTOMER' CHECK (role IN ('CUSTOMER', 'OPERATOR')),
    ADD CONSTRAINT accounts_password_needs_email CHECK (password_hash IS NULL OR email IS NOT NULL);

CREATE UNIQUE INDEX accounts_email_idx ON accounts (lower(email));
