-- FlipTech Pro schema, version 1 (SQLite). The PostgreSQL twin is ../postgres/0001_initial.sql;
-- tests/storage/tst_schema compares the two by introspection.
-- Conventions: ids BIGINT identity; times TEXT 'YYYY-MM-DDTHH:MM:SS.sssZ' (UTC); money BIGINT cents + currency;
-- JSON as TEXT; tags through lead_tags (not arrays); every foreign key indexed.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  name TEXT,
  role TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('admin', 'user', 'viewer')),
  timezone TEXT NOT NULL DEFAULT 'UTC',
  avatar_url TEXT,
  is_active BOOLEAN NOT NULL DEFAULT 1,
  email_verified BOOLEAN NOT NULL DEFAULT 0,
  last_login_at TIMESTAMP,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_role_idx ON users (role);

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token TEXT NOT NULL UNIQUE,
  refresh_token TEXT UNIQUE,
  family_id TEXT,
  expires_at TIMESTAMP NOT NULL,
  revoked_at TIMESTAMP,
  user_agent TEXT,
  ip_address TEXT,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_family_id_idx ON sessions (family_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

CREATE TABLE api_keys (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key_name TEXT,
  key_hash TEXT NOT NULL UNIQUE,
  key_prefix TEXT,
  permissions JSON,
  last_used_at TIMESTAMP,
  expires_at TIMESTAMP,
  revoked_at TIMESTAMP,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX api_keys_user_id_idx ON api_keys (user_id);

CREATE TABLE password_reset_tokens (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  expires_at TIMESTAMP NOT NULL,
  used_at TIMESTAMP,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX password_reset_tokens_user_id_idx ON password_reset_tokens (user_id);

CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  email TEXT,
  ip_address TEXT,
  succeeded BOOLEAN NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX login_attempts_email_idx ON login_attempts (email, created_at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip_address, created_at);

CREATE TABLE locations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'city' CHECK (kind IN ('city', 'area', 'region', 'country')),
  code TEXT,
  region TEXT,
  country TEXT,
  timezone TEXT NOT NULL DEFAULT 'UTC',
  latitude REAL,
  longitude REAL,
  is_active BOOLEAN NOT NULL DEFAULT 1,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX locations_code_key ON locations (code);
CREATE INDEX locations_country_region_idx ON locations (country, region);
CREATE INDEX locations_name_idx ON locations (name);

CREATE TABLE location_groups (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX location_groups_name_key ON location_groups (lower(name));
CREATE INDEX location_groups_created_by_idx ON location_groups (created_by);

CREATE TABLE location_group_members (
  group_id BIGINT NOT NULL REFERENCES location_groups (id) ON DELETE CASCADE,
  location_id BIGINT NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, location_id)
);
CREATE INDEX location_group_members_location_id_idx ON location_group_members (location_id);

CREATE TABLE scrape_jobs (
  id INTEGER PRIMARY KEY,
  job_key TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
  config JSON NOT NULL DEFAULT '{}',
  location_id BIGINT REFERENCES locations (id) ON DELETE SET NULL,
  job_id BIGINT,
  progress INTEGER NOT NULL DEFAULT 0,
  pages_fetched INTEGER NOT NULL DEFAULT 0,
  leads_found INTEGER NOT NULL DEFAULT 0,
  error_message TEXT,
  started_at TIMESTAMP,
  completed_at TIMESTAMP,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX scrape_jobs_status_idx ON scrape_jobs (status);
CREATE INDEX scrape_jobs_source_idx ON scrape_jobs (source);
CREATE INDEX scrape_jobs_location_id_idx ON scrape_jobs (location_id);
CREATE INDEX scrape_jobs_created_by_idx ON scrape_jobs (created_by);
CREATE INDEX scrape_jobs_created_at_idx ON scrape_jobs (created_at);

CREATE TABLE leads (
  id INTEGER PRIMARY KEY,
  name TEXT,
  first_name TEXT,
  last_name TEXT,
  company TEXT,
  title TEXT,
  email TEXT,
  phone TEXT,
  website TEXT,
  website_domain TEXT,
  address TEXT,
  city TEXT,
  region TEXT,
  postal_code TEXT,
  country TEXT,
  description TEXT,
  category TEXT,
  source TEXT NOT NULL DEFAULT 'manual',
  source_url TEXT,
  source_id TEXT,
  posted_at TIMESTAMP,
  status TEXT NOT NULL DEFAULT 'new',
  score INTEGER,
  qualification_score INTEGER,
  deal_value_cents BIGINT,
  deal_currency TEXT NOT NULL DEFAULT 'USD',
  deal_stage TEXT,
  revenue_amount_cents BIGINT,
  conversion_date TIMESTAMP,
  expected_close_date DATE,
  last_contacted_at TIMESTAMP,
  contacted_count INTEGER NOT NULL DEFAULT 0,
  lead_source_metadata JSON,
  enrichment_status TEXT,
  enriched_at TIMESTAMP,
  website_analysis JSON,
  location_id BIGINT REFERENCES locations (id) ON DELETE SET NULL,
  scrape_job_id BIGINT REFERENCES scrape_jobs (id) ON DELETE SET NULL,
  assigned_to BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  deleted_at TIMESTAMP,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX leads_source_key ON leads (source, source_id);
CREATE INDEX leads_status_idx ON leads (status);
CREATE INDEX leads_deal_stage_idx ON leads (deal_stage);
CREATE INDEX leads_source_idx ON leads (source);
CREATE INDEX leads_score_idx ON leads (score);
CREATE INDEX leads_qualification_score_idx ON leads (qualification_score);
CREATE INDEX leads_enrichment_status_idx ON leads (enrichment_status);
CREATE INDEX leads_email_idx ON leads (lower(email));
CREATE INDEX leads_phone_idx ON leads (phone);
CREATE INDEX leads_website_domain_idx ON leads (website_domain);
CREATE INDEX leads_city_idx ON leads (city);
CREATE INDEX leads_region_idx ON leads (region);
CREATE INDEX leads_country_idx ON leads (country);
CREATE INDEX leads_created_at_idx ON leads (created_at);
CREATE INDEX leads_updated_at_idx ON leads (updated_at);
CREATE INDEX leads_last_contacted_at_idx ON leads (last_contacted_at);
CREATE INDEX leads_contacted_count_idx ON leads (contacted_count);
CREATE INDEX leads_location_id_idx ON leads (location_id);
CREATE INDEX leads_scrape_job_id_idx ON leads (scrape_job_id);
CREATE INDEX leads_assigned_to_idx ON leads (assigned_to);
CREATE INDEX leads_created_by_idx ON leads (created_by);
CREATE INDEX leads_deleted_at_idx ON leads (deleted_at);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  color TEXT,
  category TEXT,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX tags_name_key ON tags (lower(name));
CREATE INDEX tags_category_idx ON tags (category);

CREATE TABLE lead_tags (
  lead_id BIGINT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  tag_id BIGINT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (lead_id, tag_id)
);
CREATE INDEX lead_tags_tag_id_idx ON lead_tags (tag_id);

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  lead_id BIGINT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  content TEXT NOT NULL,
  author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  edited_at TIMESTAMP,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX notes_lead_id_idx ON notes (lead_id);
CREATE INDEX notes_author_id_idx ON notes (author_id);

CREATE TABLE conversions (
  id INTEGER PRIMARY KEY,
  lead_id BIGINT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  revenue_amount_cents BIGINT NOT NULL,
  currency TEXT NOT NULL DEFAULT 'USD',
  conversion_date TIMESTAMP NOT NULL,
  deal_stage TEXT,
  notes TEXT,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX conversions_lead_id_idx ON conversions (lead_id);
CREATE INDEX conversions_created_by_idx ON conversions (created_by);
CREATE INDEX conversions_conversion_date_idx ON conversions (conversion_date);

CREATE TABLE costs (
  id INTEGER PRIMARY KEY,
  cost_type TEXT NOT NULL,
  amount_cents BIGINT NOT NULL,
  currency TEXT NOT NULL DEFAULT 'USD',
  related_entity_type TEXT,
  related_entity_id BIGINT,
  description TEXT,
  metadata JSON,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX costs_cost_type_idx ON costs (cost_type, created_at);
CREATE INDEX costs_created_at_idx ON costs (created_at);
CREATE INDEX costs_related_entity_idx ON costs (related_entity_type, related_entity_id);

CREATE TABLE templates (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  subject TEXT,
  body_html TEXT,
  body_text TEXT,
  category TEXT,
  tags JSON,
  variables JSON,
  is_active BOOLEAN NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX templates_category_idx ON templates (category);
CREATE INDEX templates_created_by_idx ON templates (created_by);

CREATE TABLE template_performance (
  id INTEGER PRIMARY KEY,
  template_id BIGINT NOT NULL REFERENCES templates (id) ON DELETE CASCADE,
  total_sent INTEGER NOT NULL DEFAULT 0,
  total_opened INTEGER NOT NULL DEFAULT 0,
  total_clicked INTEGER NOT NULL DEFAULT 0,
  total_replied INTEGER NOT NULL DEFAULT 0,
  avg_open_time_minutes INTEGER,
  last_used_at TIMESTAMP,
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX template_performance_template_id_key ON template_performance (template_id);

CREATE TABLE sender_accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  from_email TEXT NOT NULL,
  from_name TEXT,
  smtp_host TEXT,
  smtp_port INTEGER,
  smtp_username TEXT,
  smtp_security TEXT NOT NULL DEFAULT 'starttls' CHECK (smtp_security IN ('none', 'starttls', 'tls')),
  imap_host TEXT,
  imap_port INTEGER,
  secret_ref TEXT,
  daily_limit INTEGER NOT NULL DEFAULT 200,
  hourly_limit INTEGER NOT NULL DEFAULT 30,
  is_active BOOLEAN NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX sender_accounts_from_email_key ON sender_accounts (lower(from_email));
CREATE INDEX sender_accounts_created_by_idx ON sender_accounts (created_by);

CREATE TABLE sequences (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  is_active BOOLEAN NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX sequences_created_by_idx ON sequences (created_by);

CREATE TABLE sequence_steps (
  id INTEGER PRIMARY KEY,
  sequence_id BIGINT NOT NULL REFERENCES sequences (id) ON DELETE CASCADE,
  step_order INTEGER NOT NULL,
  template_id BIGINT REFERENCES templates (id) ON DELETE SET NULL,
  delay_hours INTEGER NOT NULL DEFAULT 0,
  send_condition TEXT NOT NULL DEFAULT 'no_reply',
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX sequence_steps_order_key ON sequence_steps (sequence_id, step_order);
CREATE INDEX sequence_steps_template_id_idx ON sequence_steps (template_id);

CREATE TABLE campaigns (
  id INTEGER PRIMARY KEY,
  campaign_id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  template_id BIGINT REFERENCES templates (id) ON DELETE SET NULL,
  sequence_id BIGINT REFERENCES sequences (id) ON DELETE SET NULL,
  sender_account_id BIGINT REFERENCES sender_accounts (id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'draft',
  scheduled_at TIMESTAMP,
  started_at TIMESTAMP,
  completed_at TIMESTAMP,
  total_recipients INTEGER NOT NULL DEFAULT 0,
  emails_sent INTEGER NOT NULL DEFAULT 0,
  emails_opened INTEGER NOT NULL DEFAULT 0,
  emails_clicked INTEGER NOT NULL DEFAULT 0,
  emails_replied INTEGER NOT NULL DEFAULT 0,
  emails_bounced INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX campaigns_template_id_idx ON campaigns (template_id);
CREATE INDEX campaigns_sequence_id_idx ON campaigns (sequence_id);
CREATE INDEX campaigns_sender_account_id_idx ON campaigns (sender_account_id);
CREATE INDEX campaigns_status_idx ON campaigns (status);
CREATE INDEX campaigns_scheduled_at_idx ON campaigns (scheduled_at);
CREATE INDEX campaigns_created_by_idx ON campaigns (created_by);

CREATE TABLE campaign_recipients (
  id INTEGER PRIMARY KEY,
  campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  lead_id BIGINT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'pending',
  sequence_step INTEGER NOT NULL DEFAULT 0,
  variant TEXT,
  tracking_token TEXT UNIQUE,
  message_id TEXT,
  next_send_at TIMESTAMP,
  sent_at TIMESTAMP,
  opened_at TIMESTAMP,
  clicked_at TIMESTAMP,
  replied_at TIMESTAMP,
  bounced_at TIMESTAMP,
  unsubscribed_at TIMESTAMP,
  error_message TEXT,
  UNIQUE (campaign_id, lead_id)
);
CREATE INDEX campaign_recipients_lead_id_idx ON campaign_recipients (lead_id);
CREATE INDEX campaign_recipients_status_idx ON campaign_recipients (status, next_send_at);
CREATE INDEX campaign_recipients_message_id_idx ON campaign_recipients (message_id);

CREATE TABLE ab_tests (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  campaign_id BIGINT REFERENCES campaigns (id) ON DELETE CASCADE,
  variant_a_template_id BIGINT REFERENCES templates (id) ON DELETE SET NULL,
  variant_b_template_id BIGINT REFERENCES templates (id) ON DELETE SET NULL,
  split_percent INTEGER NOT NULL DEFAULT 50 CHECK (split_percent BETWEEN 0 AND 100),
  metric TEXT NOT NULL DEFAULT 'reply_rate',
  status TEXT NOT NULL DEFAULT 'draft',
  winner TEXT,
  started_at TIMESTAMP,
  completed_at TIMESTAMP,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX ab_tests_campaign_id_idx ON ab_tests (campaign_id);
CREATE INDEX ab_tests_variant_a_template_id_idx ON ab_tests (variant_a_template_id);
CREATE INDEX ab_tests_variant_b_template_id_idx ON ab_tests (variant_b_template_id);

CREATE TABLE suppressions (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('unsubscribe', 'bounce', 'complaint', 'manual')),
  source TEXT,
  campaign_id BIGINT REFERENCES campaigns (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX suppressions_email_key ON suppressions (lower(email));
CREATE INDEX suppressions_campaign_id_idx ON suppressions (campaign_id);

CREATE TABLE conversations (
  id INTEGER PRIMARY KEY,
  conversation_id TEXT NOT NULL UNIQUE,
  lead_id BIGINT REFERENCES leads (id) ON DELETE CASCADE,
  campaign_id BIGINT REFERENCES campaigns (id) ON DELETE SET NULL,
  subject TEXT,
  status TEXT NOT NULL DEFAULT 'active',
  sentiment TEXT,
  last_message_at TIMESTAMP,
  needs_reply BOOLEAN NOT NULL DEFAULT 0,
  assigned_to BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX conversations_lead_id_idx ON conversations (lead_id);
CREATE INDEX conversations_campaign_id_idx ON conversations (campaign_id);
CREATE INDEX conversations_assigned_to_idx ON conversations (assigned_to);
CREATE INDEX conversations_status_idx ON conversations (status, last_message_at);
CREATE INDEX conversations_needs_reply_idx ON conversations (needs_reply);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  message_id TEXT,
  in_reply_to TEXT,
  from_email TEXT,
  to_email TEXT,
  subject TEXT,
  body_html TEXT,
  body_text TEXT,
  sentiment TEXT,
  is_read BOOLEAN NOT NULL DEFAULT 0,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX messages_conversation_id_idx ON messages (conversation_id, created_at);
CREATE INDEX messages_message_id_idx ON messages (message_id);

CREATE TABLE ai_suggestions (
  id INTEGER PRIMARY KEY,
  conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  message_id BIGINT REFERENCES messages (id) ON DELETE SET NULL,
  suggested_response TEXT NOT NULL,
  sentiment TEXT,
  confidence_score REAL,
  status TEXT NOT NULL DEFAULT 'pending',
  approved_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  approved_at TIMESTAMP,
  edited_response TEXT,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX ai_suggestions_conversation_id_idx ON ai_suggestions (conversation_id);
CREATE INDEX ai_suggestions_message_id_idx ON ai_suggestions (message_id);
CREATE INDEX ai_suggestions_approved_by_idx ON ai_suggestions (approved_by);
CREATE INDEX ai_suggestions_status_idx ON ai_suggestions (status);

CREATE TABLE rules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  conditions JSON NOT NULL,
  actions JSON NOT NULL,
  logic_operator TEXT NOT NULL DEFAULT 'AND' CHECK (logic_operator IN ('AND', 'OR')),
  priority INTEGER NOT NULL DEFAULT 0,
  is_active BOOLEAN NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX rules_created_by_idx ON rules (created_by);
CREATE INDEX rules_is_active_idx ON rules (is_active, priority);

CREATE TABLE rule_executions (
  id INTEGER PRIMARY KEY,
  rule_id BIGINT NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
  entity_type TEXT,
  entity_id BIGINT,
  matched BOOLEAN,
  actions_taken JSON,
  error_message TEXT,
  executed_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX rule_executions_rule_id_idx ON rule_executions (rule_id, executed_at);
CREATE INDEX rule_executions_entity_idx ON rule_executions (entity_type, entity_id);

CREATE TABLE schedules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  cron_expression TEXT NOT NULL,
  timezone TEXT NOT NULL DEFAULT 'UTC',
  task_type TEXT NOT NULL,
  task_config JSON,
  is_active BOOLEAN NOT NULL DEFAULT 1,
  last_run_at TIMESTAMP,
  next_run_at TIMESTAMP,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX schedules_created_by_idx ON schedules (created_by);
CREATE INDEX schedules_next_run_at_idx ON schedules (is_active, next_run_at);

CREATE TABLE schedule_logs (
  id INTEGER PRIMARY KEY,
  schedule_id BIGINT NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  started_at TIMESTAMP NOT NULL,
  completed_at TIMESTAMP,
  error_message TEXT,
  results JSON
);
CREATE INDEX schedule_logs_schedule_id_idx ON schedule_logs (schedule_id, started_at);

CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  title TEXT NOT NULL,
  message TEXT,
  severity TEXT NOT NULL DEFAULT 'info' CHECK (severity IN ('info', 'success', 'warning', 'error')),
  is_read BOOLEAN NOT NULL DEFAULT 0,
  action_url TEXT,
  metadata JSON,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX notifications_user_id_idx ON notifications (user_id, is_read, created_at);

CREATE TABLE notification_preferences (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  email_enabled BOOLEAN NOT NULL DEFAULT 1,
  sms_enabled BOOLEAN NOT NULL DEFAULT 0,
  in_app_enabled BOOLEAN NOT NULL DEFAULT 1,
  notification_types JSON,
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE activity_log (
  id INTEGER PRIMARY KEY,
  user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  action TEXT NOT NULL,
  entity_type TEXT,
  entity_id BIGINT,
  details JSON,
  ip_address TEXT,
  user_agent TEXT,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX activity_log_user_id_idx ON activity_log (user_id, created_at);
CREATE INDEX activity_log_entity_idx ON activity_log (entity_type, entity_id, created_at);
CREATE INDEX activity_log_action_idx ON activity_log (action);
CREATE INDEX activity_log_created_at_idx ON activity_log (created_at);

CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  filename TEXT NOT NULL,
  original_filename TEXT,
  file_type TEXT,
  file_size BIGINT,
  sha256 TEXT,
  storage_path TEXT NOT NULL,
  uploaded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  entity_type TEXT,
  entity_id BIGINT,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX files_uploaded_by_idx ON files (uploaded_by);
CREATE INDEX files_entity_idx ON files (entity_type, entity_id);

CREATE TABLE demo_sites (
  id INTEGER PRIMARY KEY,
  build_id TEXT NOT NULL UNIQUE,
  lead_id BIGINT REFERENCES leads (id) ON DELETE SET NULL,
  target_url TEXT NOT NULL,
  framework TEXT,
  status TEXT NOT NULL DEFAULT 'pending',
  progress_percentage INTEGER NOT NULL DEFAULT 0,
  current_step TEXT,
  deployment_url TEXT,
  files_generated JSON,
  error_message TEXT,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  completed_at TIMESTAMP
);
CREATE INDEX demo_sites_lead_id_idx ON demo_sites (lead_id);
CREATE INDEX demo_sites_status_idx ON demo_sites (status);

CREATE TABLE videos (
  id INTEGER PRIMARY KEY,
  video_id TEXT NOT NULL UNIQUE,
  lead_id BIGINT REFERENCES leads (id) ON DELETE SET NULL,
  demo_site_id BIGINT REFERENCES demo_sites (id) ON DELETE SET NULL,
  title TEXT,
  description TEXT,
  status TEXT NOT NULL DEFAULT 'pending',
  storage_url TEXT,
  thumbnail_url TEXT,
  duration_seconds INTEGER,
  file_size BIGINT,
  view_count INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX videos_lead_id_idx ON videos (lead_id);
CREATE INDEX videos_demo_site_id_idx ON videos (demo_site_id);
CREATE INDEX videos_status_idx ON videos (status);

CREATE TABLE video_analytics (
  id INTEGER PRIMARY KEY,
  video_id BIGINT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
  viewer_ip TEXT,
  viewer_location TEXT,
  device_type TEXT,
  watch_duration_seconds INTEGER,
  watched_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX video_analytics_video_id_idx ON video_analytics (video_id, watched_at);

CREATE TABLE webhooks (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  events JSON NOT NULL DEFAULT '[]',
  secret TEXT,
  is_active BOOLEAN NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX webhooks_created_by_idx ON webhooks (created_by);

CREATE TABLE webhook_logs (
  id INTEGER PRIMARY KEY,
  webhook_id BIGINT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
  event_type TEXT NOT NULL,
  payload JSON,
  attempt INTEGER NOT NULL DEFAULT 1,
  response_status INTEGER,
  response_body TEXT,
  error_message TEXT,
  delivered_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX webhook_logs_webhook_id_idx ON webhook_logs (webhook_id, delivered_at);

CREATE TABLE workflows (
  id INTEGER PRIMARY KEY,
  external_id TEXT,
  name TEXT NOT NULL,
  description TEXT,
  definition JSON,
  webhook_url TEXT,
  is_active BOOLEAN NOT NULL DEFAULT 0,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX workflows_external_id_key ON workflows (external_id);
CREATE INDEX workflows_created_by_idx ON workflows (created_by);

CREATE TABLE workflow_executions (
  id INTEGER PRIMARY KEY,
  workflow_id BIGINT NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
  external_id TEXT,
  status TEXT NOT NULL DEFAULT 'running',
  current_node TEXT,
  progress INTEGER NOT NULL DEFAULT 0,
  input JSON,
  output JSON,
  error_message TEXT,
  started_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  finished_at TIMESTAMP
);
CREATE INDEX workflow_executions_workflow_id_idx ON workflow_executions (workflow_id, started_at);
CREATE INDEX workflow_executions_status_idx ON workflow_executions (status);

CREATE TABLE approvals (
  id INTEGER PRIMARY KEY,
  entity_type TEXT NOT NULL,
  entity_id BIGINT,
  workflow_execution_id BIGINT REFERENCES workflow_executions (id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  payload JSON,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'expired')),
  requested_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  decided_at TIMESTAMP,
  decision_note TEXT,
  auto_decided BOOLEAN NOT NULL DEFAULT 0,
  expires_at TIMESTAMP,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX approvals_status_idx ON approvals (status, created_at);
CREATE INDEX approvals_entity_idx ON approvals (entity_type, entity_id);
CREATE INDEX approvals_workflow_execution_id_idx ON approvals (workflow_execution_id);
CREATE INDEX approvals_requested_by_idx ON approvals (requested_by);
CREATE INDEX approvals_decided_by_idx ON approvals (decided_by);

CREATE TABLE auto_approval_rules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  entity_type TEXT,
  conditions JSON NOT NULL,
  decision TEXT NOT NULL DEFAULT 'approved' CHECK (decision IN ('approved', 'rejected')),
  priority INTEGER NOT NULL DEFAULT 0,
  is_active BOOLEAN NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX auto_approval_rules_created_by_idx ON auto_approval_rules (created_by);

CREATE TABLE usage_records (
  id INTEGER PRIMARY KEY,
  user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  metric TEXT NOT NULL,
  quantity BIGINT NOT NULL,
  cost_cents BIGINT,
  metadata JSON,
  recorded_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX usage_records_user_id_idx ON usage_records (user_id, recorded_at);
CREATE INDEX usage_records_metric_idx ON usage_records (metric, recorded_at);

-- The job queue: claimed by one UPDATE ... RETURNING (FOR UPDATE SKIP LOCKED on PostgreSQL).
-- The claim index leads with priority so a claim reads it in order and filters by queue
-- (an IN list of queues cannot use a queue-first index for ORDER BY).
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  queue TEXT NOT NULL DEFAULT 'normal',
  type TEXT NOT NULL,
  payload JSON NOT NULL DEFAULT '{}',
  priority INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'dead', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 5,
  run_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  locked_by TEXT,
  locked_until TIMESTAMP,
  cancel_requested BOOLEAN NOT NULL DEFAULT 0,
  progress INTEGER,
  last_error TEXT,
  result JSON,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  started_at TIMESTAMP,
  finished_at TIMESTAMP
);
CREATE INDEX jobs_claim_idx ON jobs (priority DESC, run_at, id) WHERE state = 'queued';
CREATE INDEX jobs_lease_idx ON jobs (locked_until) WHERE state = 'running';
CREATE INDEX jobs_state_idx ON jobs (state);
CREATE INDEX jobs_created_by_idx ON jobs (created_by);

-- The event stream: ids increase in commit order (appends are serialised).
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  channel TEXT NOT NULL,
  payload JSON NOT NULL DEFAULT '{}',
  user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX events_channel_idx ON events (channel, id);
CREATE INDEX events_user_id_idx ON events (user_id);
CREATE INDEX events_created_at_idx ON events (created_at);
