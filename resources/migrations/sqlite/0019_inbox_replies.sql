-- The inbox answers (issue 12): how often each mailbox is read (NULL: the product's default,
-- FLIPTECH_INBOX_SYNC_MINUTES; 0: only when asked), and which auto-approval rule (if any) let a
-- reply suggestion go out without a person approving it. Attachments of received messages are
-- files (entity_type 'message').
ALTER TABLE sender_accounts ADD COLUMN inbox_sync_minutes INTEGER CHECK (inbox_sync_minutes IS NULL OR inbox_sync_minutes BETWEEN 0 AND 1440);
ALTER TABLE ai_suggestions ADD COLUMN auto_approval_rule_id BIGINT REFERENCES auto_approval_rules (id) ON DELETE SET NULL;
ALTER TABLE ai_suggestions ADD COLUMN sent_message_id BIGINT REFERENCES messages (id) ON DELETE SET NULL;
ALTER TABLE ai_suggestions ADD COLUMN rejection_reason TEXT;
CREATE INDEX ai_suggestions_auto_approval_rule_id_idx ON ai_suggestions (auto_approval_rule_id);
CREATE INDEX ai_suggestions_sent_message_id_idx ON ai_suggestions (sent_message_id);
CREATE INDEX auto_approval_rules_entity_idx ON auto_approval_rules (entity_type, is_active, priority);
