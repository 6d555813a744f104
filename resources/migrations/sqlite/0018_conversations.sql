-- The conversations inbox (issue 12): replies read from each sender account's INBOX over IMAP,
-- threaded to our messages, with the reader's cursor kept per account.
ALTER TABLE sender_accounts ADD COLUMN inbox_uidvalidity BIGINT;
ALTER TABLE sender_accounts ADD COLUMN inbox_last_uid BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sender_accounts ADD COLUMN inbox_synced_at TIMESTAMP;

ALTER TABLE conversations ADD COLUMN sender_account_id BIGINT REFERENCES sender_accounts (id) ON DELETE SET NULL;
ALTER TABLE conversations ADD COLUMN contact_email TEXT;
ALTER TABLE conversations ADD COLUMN normalized_subject TEXT;
ALTER TABLE conversations ADD COLUMN unread_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN intent TEXT;
CREATE INDEX conversations_sender_account_id_idx ON conversations (sender_account_id);
CREATE INDEX conversations_contact_idx ON conversations (contact_email, normalized_subject);

ALTER TABLE messages ADD COLUMN sender_account_id BIGINT REFERENCES sender_accounts (id) ON DELETE SET NULL;
ALTER TABLE messages ADD COLUMN imap_uid BIGINT;
ALTER TABLE messages ADD COLUMN auto_reply BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN auto_reply_reason TEXT;
ALTER TABLE messages ADD COLUMN intent TEXT;
ALTER TABLE messages ADD COLUMN sentiment_score REAL;
ALTER TABLE messages ADD COLUMN campaign_recipient_id BIGINT REFERENCES campaign_recipients (id) ON DELETE SET NULL;
CREATE INDEX messages_sender_account_id_idx ON messages (sender_account_id);
CREATE INDEX messages_campaign_recipient_id_idx ON messages (campaign_recipient_id);
-- A message read twice (a resync after a UIDVALIDITY change) is stored once.
CREATE UNIQUE INDEX messages_inbound_once_idx ON messages (sender_account_id, message_id) WHERE direction = 'inbound' AND message_id IS NOT NULL;
