-- Sender accounts (issue 11): an SMTP mailbox or an HTTP sending provider (SendGrid v3,
-- Mailgun), how fast it may send (daily and hourly caps, a minimum gap between two sends, a slow
-- ramp for a new mailbox: it may send ramp_start on its first day and ramp_per_day more each day
-- after, never past daily_limit), the time zone its sending windows are read in, and its DKIM
-- domain and selector (the key itself is in the SecretStore, as the password and API key are:
-- secret_ref names them).
ALTER TABLE sender_accounts ADD COLUMN provider TEXT NOT NULL DEFAULT 'smtp' CHECK (provider IN ('smtp', 'sendgrid', 'mailgun'));
ALTER TABLE sender_accounts ADD COLUMN api_base_url TEXT;
ALTER TABLE sender_accounts ADD COLUMN provider_domain TEXT;
ALTER TABLE sender_accounts ADD COLUMN min_gap_seconds INTEGER NOT NULL DEFAULT 60 CHECK (min_gap_seconds >= 0);
ALTER TABLE sender_accounts ADD COLUMN ramp_start INTEGER CHECK (ramp_start IS NULL OR ramp_start > 0);
ALTER TABLE sender_accounts ADD COLUMN ramp_per_day INTEGER NOT NULL DEFAULT 0 CHECK (ramp_per_day >= 0);
ALTER TABLE sender_accounts ADD COLUMN timezone TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE sender_accounts ADD COLUMN reply_to TEXT;
ALTER TABLE sender_accounts ADD COLUMN signature TEXT;
ALTER TABLE sender_accounts ADD COLUMN dkim_domain TEXT;
ALTER TABLE sender_accounts ADD COLUMN dkim_selector TEXT;
