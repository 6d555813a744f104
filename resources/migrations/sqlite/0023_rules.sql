-- Rules (issue 15): the event a rule waits for and whether the rules after it still run; per
-- execution the event it acted on (one execution per rule and event: the idempotency key) and how
-- deep in a chain of rules it was. automation_state keeps the rules' place in the event stream
-- (starting after the events already there: rules act on what happens from now on) and the
-- round-robin turn of each assigning rule.
ALTER TABLE rules ADD COLUMN trigger_event TEXT NOT NULL DEFAULT 'lead_created';
ALTER TABLE rules ADD COLUMN stop_processing BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE rule_executions ADD COLUMN event_id BIGINT;
ALTER TABLE rule_executions ADD COLUMN depth INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX rule_executions_event_key ON rule_executions (rule_id, event_id) WHERE event_id IS NOT NULL;
CREATE TABLE automation_state (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL DEFAULT 0,
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT INTO automation_state (name, value) SELECT 'rules_cursor', COALESCE(MAX(id), 0) FROM events;
