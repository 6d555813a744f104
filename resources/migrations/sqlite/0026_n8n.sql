-- n8n (issue 15): the team's n8n workflows as last read from its public API (what a rule or a
-- schedule may start without asking n8n inside a transaction: the webhook trigger's path and
-- whether the workflow is active), and the executions seen, so each change of status is announced
-- once on /ws/workflows however many processes read n8n. A workflow is started through an
-- outbound webhook the product manages for it (webhooks.n8n_workflow_id), so starts are retried,
-- logged and redeliverable like every delivery.
CREATE TABLE n8n_workflows (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  active BOOLEAN NOT NULL DEFAULT 0,
  webhook_path TEXT,
  webhook_method TEXT,
  tags JSON NOT NULL DEFAULT '[]',
  node_count INTEGER NOT NULL DEFAULT 0,
  updated_at TIMESTAMP,
  synced_at TIMESTAMP NOT NULL
);
CREATE TABLE n8n_executions (
  id TEXT PRIMARY KEY,
  workflow_id TEXT NOT NULL,
  status TEXT NOT NULL,
  mode TEXT,
  finished BOOLEAN NOT NULL DEFAULT 0,
  started_at TIMESTAMP,
  stopped_at TIMESTAMP,
  seen_at TIMESTAMP NOT NULL
);
CREATE INDEX n8n_executions_workflow_idx ON n8n_executions (workflow_id, started_at);
CREATE INDEX n8n_executions_seen_idx ON n8n_executions (seen_at);
ALTER TABLE webhooks ADD COLUMN n8n_workflow_id TEXT;
CREATE UNIQUE INDEX webhooks_n8n_workflow_key ON webhooks (n8n_workflow_id) WHERE n8n_workflow_id IS NOT NULL;
