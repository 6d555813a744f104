-- A temporary password set by an administrator (when no mail is configured for reset links)
-- must be replaced at the next sign-in: until then the account can only change its password.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT false;
