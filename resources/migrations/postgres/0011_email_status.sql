-- Built-in e-mail verification (issue 10): each lead's address judged valid, risky or invalid,
-- when, and why (syntax, MX, disposable and role checks), so campaigns can leave out the bad.
ALTER TABLE leads ADD COLUMN email_status TEXT CHECK (email_status IN ('valid', 'risky', 'invalid'));
ALTER TABLE leads ADD COLUMN email_checked_at TIMESTAMPTZ;
ALTER TABLE leads ADD COLUMN email_verification JSONB;
