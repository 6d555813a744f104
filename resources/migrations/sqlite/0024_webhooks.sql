-- Outbound webhooks (issue 15): per hook how many failed attempts in a row it may have before it is
-- turned off (and why it was), and how its last delivery went. webhook_deliveries is the outbox:
-- one row per (hook, event) (the idempotency key when the event stream is read again), each
-- attempt logged in webhook_logs with its delivery. automation_settings holds the team's choices
-- (whether webhooks may reach private networks). The webhooks' place in the event stream starts
-- after the events already there.
ALTER TABLE webhooks ADD COLUMN description TEXT;
ALTER TABLE webhooks ADD COLUMN max_failures INTEGER NOT NULL DEFAULT 10;
ALTER TABLE webhooks ADD COLUMN failure_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE webhooks ADD COLUMN disabled_reason TEXT;
ALTER TABLE webhooks ADD COLUMN last_delivery_at TIMESTAMP;
ALTER TABLE webhooks ADD COLUMN last_status TEXT;
CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY,
  webhook_id BIGINT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
  event_id BIGINT,
  event_type TEXT NOT NULL,
  payload JSON NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMP NOT NULL,
  claimed_until TIMESTAMP,
  last_error TEXT,
  redelivery_of BIGINT,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  finished_at TIMESTAMP
);
CREATE UNIQUE INDEX webhook_deliveries_event_key ON webhook_deliveries (webhook_id, event_id) WHERE event_id IS NOT NULL;
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, id);
ALTER TABLE webhook_logs ADD COLUMN delivery_id BIGINT REFERENCES webhook_deliveries (id) ON DELETE CASCADE;
ALTER TABLE webhook_logs ADD COLUMN duration_ms INTEGER;
CREATE INDEX webhook_logs_delivery_idx ON webhook_logs (delivery_id);
CREATE TABLE automation_settings (
  name TEXT PRIMARY KEY,
  value JSON NOT NULL,
  updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX automation_settings_updated_by_idx ON automation_settings (updated_by);
INSERT INTO automation_state (name, value) SELECT 'webhooks_cursor', COALESCE(MAX(id), 0) FROM events;
