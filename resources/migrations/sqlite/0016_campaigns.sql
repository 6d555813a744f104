-- Campaigns (issue 11, spec 2.6): who gets them (audience: a lead filter, a saved segment or
-- chosen leads, with exclusions), from which mailboxes (several, rotated within their caps), when
-- (start time, sending days and hours in the recipient's time zone), what a crash leaves (rows
-- caught mid-send are held for review unless the campaign says resend), and its steps: a
-- sequence of messages days apart, each with one template or A/B variants.
ALTER TABLE campaigns ADD COLUMN description TEXT;
ALTER TABLE campaigns ADD COLUMN audience JSON;
ALTER TABLE campaigns ADD COLUMN schedule JSON;
ALTER TABLE campaigns ADD COLUMN sender_account_ids JSON;
ALTER TABLE campaigns ADD COLUMN on_crash TEXT NOT NULL DEFAULT 'hold' CHECK (on_crash IN ('hold', 'resend'));
ALTER TABLE campaigns ADD COLUMN track_opens BOOLEAN NOT NULL DEFAULT 1;
ALTER TABLE campaigns ADD COLUMN track_clicks BOOLEAN NOT NULL DEFAULT 1;
ALTER TABLE campaigns ADD COLUMN emails_unsubscribed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN emails_failed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN skipped_recipients INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN paused_at TIMESTAMP;
ALTER TABLE campaigns ADD COLUMN last_error TEXT;
-- The send job that owns the campaign now: one sends at a time, so none mistakes another's rows in
-- flight for a crash's.
ALTER TABLE campaigns ADD COLUMN send_job_id INTEGER;

CREATE TABLE campaign_steps (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  step_order INTEGER NOT NULL,
  delay_days INTEGER NOT NULL DEFAULT 0 CHECK (delay_days >= 0),
  ab_metric TEXT CHECK (ab_metric IS NULL OR ab_metric IN ('open_rate', 'reply_rate')),
  ab_sample_size INTEGER CHECK (ab_sample_size IS NULL OR ab_sample_size > 0),
  winner TEXT,
  UNIQUE (campaign_id, step_order)
);

CREATE TABLE campaign_variants (
  id INTEGER PRIMARY KEY,
  step_id INTEGER NOT NULL REFERENCES campaign_steps (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  template_id INTEGER REFERENCES templates (id) ON DELETE SET NULL,
  UNIQUE (step_id, label)
);
CREATE INDEX campaign_variants_template_id_idx ON campaign_variants (template_id);

-- One row per recipient and step: the exactly-once record. Written as 'sending' with its
-- Message-ID before the SMTP transaction starts, then sent | failed | bounced; a row found in
-- 'sending' when a campaign starts again was cut off by a crash and is held (or resent).
CREATE TABLE campaign_messages (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  recipient_id INTEGER NOT NULL REFERENCES campaign_recipients (id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  variant TEXT NOT NULL DEFAULT 'A',
  template_id INTEGER REFERENCES templates (id) ON DELETE SET NULL,
  sender_account_id INTEGER REFERENCES sender_accounts (id) ON DELETE SET NULL,
  message_id TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'sending' CHECK (status IN ('sending', 'sent', 'failed', 'bounced', 'held')),
  subject TEXT,
  smtp_code INTEGER,
  error_message TEXT,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  sent_at TIMESTAMP,
  opened_at TIMESTAMP,
  clicked_at TIMESTAMP,
  replied_at TIMESTAMP,
  bounced_at TIMESTAMP,
  UNIQUE (recipient_id, step)
);
CREATE INDEX campaign_messages_campaign_idx ON campaign_messages (campaign_id, status);
CREATE INDEX campaign_messages_template_id_idx ON campaign_messages (template_id);
CREATE INDEX campaign_messages_sender_idx ON campaign_messages (sender_account_id, sent_at);
CREATE INDEX campaign_messages_message_id_idx ON campaign_messages (message_id);

ALTER TABLE campaign_recipients ADD COLUMN sender_account_id INTEGER REFERENCES sender_accounts (id) ON DELETE SET NULL;
ALTER TABLE campaign_recipients ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX campaign_recipients_sender_account_id_idx ON campaign_recipients (sender_account_id);
CREATE INDEX campaign_recipients_due_idx ON campaign_recipients (campaign_id, status, next_send_at);

-- The bounce mailbox: a sender account's IMAP inbox (imap_host/imap_port of the initial schema),
-- its TLS and user (the SMTP user when empty, the same password), and how far it was read: the
-- mailbox's UIDVALIDITY and the last UID looked at.
ALTER TABLE sender_accounts ADD COLUMN imap_security TEXT NOT NULL DEFAULT 'tls' CHECK (imap_security IN ('none', 'starttls', 'tls'));
ALTER TABLE sender_accounts ADD COLUMN imap_username TEXT;
ALTER TABLE sender_accounts ADD COLUMN bounce_uidvalidity BIGINT;
ALTER TABLE sender_accounts ADD COLUMN bounce_last_uid BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sender_accounts ADD COLUMN bounce_checked_at TIMESTAMP;
