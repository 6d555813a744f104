-- Usage limits (issue 13, spec "Usage Tracking"): what the administrator allows the workspace
-- per day and per month, in the workspace's usage time zone. Use itself is counted from the
-- tables that record it (leads a scrape stored, leads enriched, AI calls, e-mails sent), so the
-- figures can never disagree with what happened; the indexes below serve those counts.
CREATE TABLE usage_limits (
  metric TEXT PRIMARY KEY CHECK (metric IN ('leads_scraped', 'enrichments', 'ai_tokens', 'emails_sent')),
  daily_limit BIGINT CHECK (daily_limit IS NULL OR daily_limit >= 0),
  monthly_limit BIGINT CHECK (monthly_limit IS NULL OR monthly_limit >= 0),
  updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX usage_limits_updated_by_idx ON usage_limits (updated_by);
CREATE TABLE usage_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  time_zone TEXT NOT NULL DEFAULT 'UTC',
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO usage_settings (id) VALUES (1);

-- E-mails sent today (campaign sends; inbox replies), leads enriched today.
CREATE INDEX campaign_messages_sent_at_idx ON campaign_messages (sent_at);
CREATE INDEX messages_outbound_created_at_idx ON messages (created_at) WHERE direction = 'outbound';
CREATE INDEX leads_enriched_at_idx ON leads (enriched_at) WHERE enriched_at IS NOT NULL;
