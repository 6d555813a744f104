-- AI services (issue 12, spec "AI Features (Basic)"): the provider (an OpenAI-compatible base URL,
-- OpenRouter by default; the key lives in the SecretStore), a model per task, the price table
-- the user edits (integer picodollars per token: OpenRouter quotes USD per token as decimal
-- strings, and 1e-12 USD keeps every price exact), daily and monthly budgets in cents, every call
-- with its tokens, cost and latency, versioned prompts, and the drafts the writer made.
CREATE TABLE ai_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  base_url TEXT NOT NULL DEFAULT 'https://openrouter.ai/api/v1',
  model_analysis TEXT NOT NULL DEFAULT 'openai/gpt-4o-mini',
  model_writing TEXT NOT NULL DEFAULT 'openai/gpt-4o-mini',
  model_replies TEXT NOT NULL DEFAULT 'openai/gpt-4o-mini',
  model_sentiment TEXT NOT NULL DEFAULT 'openai/gpt-4o-mini',
  temperature_milli INTEGER NOT NULL DEFAULT 700 CHECK (temperature_milli BETWEEN 0 AND 2000),
  max_tokens INTEGER NOT NULL DEFAULT 700 CHECK (max_tokens BETWEEN 16 AND 32000),
  timeout_ms INTEGER NOT NULL DEFAULT 60000 CHECK (timeout_ms >= 1000),
  daily_budget_cents BIGINT CHECK (daily_budget_cents IS NULL OR daily_budget_cents >= 0),
  monthly_budget_cents BIGINT CHECK (monthly_budget_cents IS NULL OR monthly_budget_cents >= 0),
  budget_time_zone TEXT NOT NULL DEFAULT 'UTC',
  -- Every call's exact cost summed; costs rows carry the whole cents it crosses.
  spent_picodollars BIGINT NOT NULL DEFAULT 0,
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT INTO ai_settings (id) VALUES (1);

CREATE TABLE ai_prices (
  model TEXT PRIMARY KEY,
  prompt_picodollars BIGINT NOT NULL CHECK (prompt_picodollars >= 0),
  completion_picodollars BIGINT NOT NULL CHECK (completion_picodollars >= 0),
  request_picodollars BIGINT NOT NULL DEFAULT 0 CHECK (request_picodollars >= 0),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT INTO ai_prices (model, prompt_picodollars, completion_picodollars) VALUES
  ('openai/gpt-4o-mini', 150000, 600000),
  ('openai/gpt-4o', 2500000, 10000000),
  ('openai/gpt-4.1-mini', 400000, 1600000),
  ('anthropic/claude-3.5-haiku', 800000, 4000000),
  ('anthropic/claude-3.5-sonnet', 3000000, 15000000),
  ('meta-llama/llama-3.1-8b-instruct', 20000, 50000),
  ('mistralai/mistral-small', 200000, 600000);

CREATE TABLE ai_calls (
  id INTEGER PRIMARY KEY,
  task TEXT NOT NULL,
  model TEXT,
  status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'refused', 'offline')),
  prompt_tokens INTEGER NOT NULL DEFAULT 0,
  completion_tokens INTEGER NOT NULL DEFAULT 0,
  cost_picodollars BIGINT NOT NULL DEFAULT 0,
  cost_cents BIGINT NOT NULL DEFAULT 0,
  latency_ms INTEGER,
  error TEXT,
  generation_id TEXT,
  related_entity_type TEXT,
  related_entity_id BIGINT,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX ai_calls_created_at_idx ON ai_calls (created_at);
CREATE INDEX ai_calls_model_idx ON ai_calls (model, created_at);
CREATE INDEX ai_calls_created_by_idx ON ai_calls (created_by);

CREATE TABLE ai_prompts (
  id INTEGER PRIMARY KEY,
  prompt_key TEXT NOT NULL,
  version INTEGER NOT NULL,
  system_prompt TEXT NOT NULL,
  user_prompt TEXT NOT NULL,
  note TEXT,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (prompt_key, version)
);
CREATE INDEX ai_prompts_created_by_idx ON ai_prompts (created_by);

CREATE TABLE ai_drafts (
  id INTEGER PRIMARY KEY,
  lead_id BIGINT REFERENCES leads (id) ON DELETE CASCADE,
  ai_call_id BIGINT REFERENCES ai_calls (id) ON DELETE SET NULL,
  writer TEXT NOT NULL CHECK (writer IN ('ai', 'offline')),
  model TEXT,
  goal TEXT,
  tone TEXT,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'discarded')),
  edited BOOLEAN NOT NULL DEFAULT 0,
  sender_account_id BIGINT REFERENCES sender_accounts (id) ON DELETE SET NULL,
  conversation_id BIGINT REFERENCES conversations (id) ON DELETE SET NULL,
  message_id BIGINT REFERENCES messages (id) ON DELETE SET NULL,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  sent_at TIMESTAMP
);
CREATE INDEX ai_drafts_lead_id_idx ON ai_drafts (lead_id);
CREATE INDEX ai_drafts_ai_call_id_idx ON ai_drafts (ai_call_id);
CREATE INDEX ai_drafts_sender_account_id_idx ON ai_drafts (sender_account_id);
CREATE INDEX ai_drafts_conversation_id_idx ON ai_drafts (conversation_id);
CREATE INDEX ai_drafts_message_id_idx ON ai_drafts (message_id);
CREATE INDEX ai_drafts_created_by_idx ON ai_drafts (created_by);

-- Reply suggestions say who wrote them (a model, or the offline writer) and for which intent.
ALTER TABLE ai_suggestions ADD COLUMN writer TEXT;
ALTER TABLE ai_suggestions ADD COLUMN model TEXT;
ALTER TABLE ai_suggestions ADD COLUMN intent TEXT;
ALTER TABLE ai_suggestions ADD COLUMN ai_call_id BIGINT REFERENCES ai_calls (id) ON DELETE SET NULL;
CREATE INDEX ai_suggestions_ai_call_id_idx ON ai_suggestions (ai_call_id);
