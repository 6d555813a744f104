-- The analytics figures (issue 13) are computed from the facts held in memory by each process
-- (analytics/src/factstore.cpp): leads, conversions, costs and campaign e-mails, loaded once
-- and then kept current from this log. Every write that changes a figure leaves rows here: a
-- range of lead ids (leads added, removed, changed in a column the figures read, or their
-- campaigns changed), or a UTC day whose conversions, costs or sends must be read again.
-- Statement triggers with transition tables write one row per statement and day (or run of
-- lead ids), so a COPY of a million leads adds a handful. `txid` lets a reader take the rows of
-- transactions that commit after it looked (it reads from the oldest transaction then running).
CREATE TABLE analytics_changes (
  id BIGSERIAL PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('lead', 'conversion', 'cost', 'send')),
  lo BIGINT,
  hi BIGINT,
  day TEXT,
  n INTEGER NOT NULL DEFAULT 1,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX analytics_changes_txid_idx ON analytics_changes (txid);
CREATE INDEX analytics_changes_created_at_idx ON analytics_changes (created_at);

-- Lead ids as change rows: runs of ids at most 64 apart (the ids between are read again too,
-- which costs little), so a campaign launched to every third lead is a few rows.
CREATE FUNCTION analytics_mark_leads(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO analytics_changes (kind, lo, hi)
  SELECT 'lead', MIN(i), MAX(i) FROM (
    SELECT i, SUM(CASE WHEN i - prev > 64 THEN 1 ELSE 0 END) OVER (ORDER BY i) AS g FROM (
      SELECT i, LAG(i) OVER (ORDER BY i) AS prev FROM (SELECT DISTINCT unnest(ids) AS i) d WHERE i IS NOT NULL) x) r
  GROUP BY g;
$$;
CREATE FUNCTION analytics_utc_day(t TIMESTAMPTZ) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD');
$$;

CREATE FUNCTION analytics_leads_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_mark_leads(ARRAY(SELECT id FROM new_rows));
  ELSE
    PERFORM analytics_mark_leads(ARRAY(SELECT id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER analytics_leads_ai AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_leads_statement();
CREATE TRIGGER analytics_leads_ad AFTER DELETE ON leads REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_leads_statement();
-- Updates: only of what the figures read (a row trigger with a column list and a condition
-- costs nothing for the rest, such as a score recomputed on every lead).
CREATE FUNCTION analytics_lead_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_changes (kind, lo, hi) VALUES ('lead', NEW.id, NEW.id);
  RETURN NULL;
END
$$;
CREATE TRIGGER analytics_leads_au AFTER UPDATE OF created_at, deleted_at, source, assigned_to, location_id, city, deal_stage, deal_value_cents, expected_close_date,
  status, enriched_at, last_contacted_at, conversion_date, lost_at ON leads
  FOR EACH ROW WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at OR OLD.source IS DISTINCT FROM NEW.source
                     OR OLD.assigned_to IS DISTINCT FROM NEW.assigned_to OR OLD.location_id IS DISTINCT FROM NEW.location_id OR OLD.city IS DISTINCT FROM NEW.city
                     OR OLD.deal_stage IS DISTINCT FROM NEW.deal_stage OR OLD.deal_value_cents IS DISTINCT FROM NEW.deal_value_cents
                     OR OLD.expected_close_date IS DISTINCT FROM NEW.expected_close_date OR OLD.status IS DISTINCT FROM NEW.status
                     OR OLD.enriched_at IS DISTINCT FROM NEW.enriched_at OR OLD.last_contacted_at IS DISTINCT FROM NEW.last_contacted_at
                     OR OLD.conversion_date IS DISTINCT FROM NEW.conversion_date OR OLD.lost_at IS DISTINCT FROM NEW.lost_at)
  EXECUTE FUNCTION analytics_lead_changed();

-- Conversions and costs: the UTC days of the rows written (before and after an update).
CREATE FUNCTION analytics_days_statement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  what TEXT := TG_ARGV[0];
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF what = 'conversion' THEN
      INSERT INTO analytics_changes (kind, day) SELECT DISTINCT what, analytics_utc_day(conversion_date) FROM old_rows;
      PERFORM analytics_mark_leads(ARRAY(SELECT lead_id FROM old_rows)); -- the funnel's first conversion
    ELSE
      INSERT INTO analytics_changes (kind, day) SELECT DISTINCT what, analytics_utc_day(created_at) FROM old_rows;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF what = 'conversion' THEN
      INSERT INTO analytics_changes (kind, day) SELECT DISTINCT what, analytics_utc_day(conversion_date) FROM new_rows;
      PERFORM analytics_mark_leads(ARRAY(SELECT lead_id FROM new_rows));
    ELSE
      INSERT INTO analytics_changes (kind, day) SELECT DISTINCT what, analytics_utc_day(created_at) FROM new_rows;
    END IF;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER analytics_conversions_ai AFTER INSERT ON conversions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_days_statement('conversion');
CREATE TRIGGER analytics_conversions_au AFTER UPDATE ON conversions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_days_statement('conversion');
CREATE TRIGGER analytics_conversions_ad AFTER DELETE ON conversions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_days_statement('conversion');
CREATE TRIGGER analytics_costs_ai AFTER INSERT ON costs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_days_statement('cost');
CREATE TRIGGER analytics_costs_au AFTER UPDATE ON costs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_days_statement('cost');
CREATE TRIGGER analytics_costs_ad AFTER DELETE ON costs REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_days_statement('cost');

-- A cost that names a conversation belongs to its lead: another lead, or none, moves it.
CREATE FUNCTION analytics_conversation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_changes (kind, day)
  SELECT DISTINCT 'cost', analytics_utc_day(created_at) FROM costs WHERE related_entity_type = 'conversation' AND related_entity_id = OLD.id;
  IF TG_OP = 'DELETE' THEN
    PERFORM analytics_mark_leads(ARRAY[OLD.lead_id]); -- its messages were the lead's sends and replies (the funnel)
  ELSE
    PERFORM analytics_mark_leads(ARRAY[OLD.lead_id, NEW.lead_id]);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER analytics_conversations_au AFTER UPDATE OF lead_id ON conversations
  FOR EACH ROW WHEN (OLD.lead_id IS DISTINCT FROM NEW.lead_id) EXECUTE FUNCTION analytics_conversation_changed();
CREATE TRIGGER analytics_conversations_ad AFTER DELETE ON conversations FOR EACH ROW EXECUTE FUNCTION analytics_conversation_changed();

-- Campaign e-mails (the day sent) and the campaigns a lead is in (its id).
CREATE FUNCTION analytics_recipients_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_mark_leads(ARRAY(SELECT lead_id FROM new_rows));
    INSERT INTO analytics_changes (kind, day) SELECT DISTINCT 'send', analytics_utc_day(sent_at) FROM new_rows WHERE sent_at IS NOT NULL;
  ELSE
    PERFORM analytics_mark_leads(ARRAY(SELECT lead_id FROM old_rows));
    INSERT INTO analytics_changes (kind, day) SELECT DISTINCT 'send', analytics_utc_day(sent_at) FROM old_rows WHERE sent_at IS NOT NULL;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER analytics_recipients_ai AFTER INSERT ON campaign_recipients REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_recipients_statement();
CREATE TRIGGER analytics_recipients_ad AFTER DELETE ON campaign_recipients REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_recipients_statement();
CREATE FUNCTION analytics_recipient_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.sent_at IS DISTINCT FROM NEW.sent_at THEN
    INSERT INTO analytics_changes (kind, day)
    SELECT DISTINCT 'send', d FROM (VALUES (analytics_utc_day(OLD.sent_at)), (analytics_utc_day(NEW.sent_at))) v (d) WHERE d IS NOT NULL;
  END IF;
  -- The lead's campaigns, first send or first reply (the funnel).
  PERFORM analytics_mark_leads(ARRAY[OLD.lead_id, NEW.lead_id]);
  RETURN NULL;
END
$$;
CREATE TRIGGER analytics_recipients_au AFTER UPDATE OF sent_at, replied_at, lead_id, campaign_id ON campaign_recipients
  FOR EACH ROW WHEN (OLD.sent_at IS DISTINCT FROM NEW.sent_at OR OLD.replied_at IS DISTINCT FROM NEW.replied_at OR OLD.lead_id IS DISTINCT FROM NEW.lead_id
                     OR OLD.campaign_id IS DISTINCT FROM NEW.campaign_id)
  EXECUTE FUNCTION analytics_recipient_changed();

-- The funnel: a lead's first e-mail out and reply in the inbox, and when it became qualified.
CREATE FUNCTION analytics_messages_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_mark_leads(ARRAY(SELECT c.lead_id FROM new_rows m JOIN conversations c ON c.id = m.conversation_id));
  ELSE
    PERFORM analytics_mark_leads(ARRAY(SELECT c.lead_id FROM old_rows m JOIN conversations c ON c.id = m.conversation_id));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER analytics_messages_ai AFTER INSERT ON messages REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_messages_statement();
CREATE TRIGGER analytics_messages_ad AFTER DELETE ON messages REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_messages_statement();
CREATE FUNCTION analytics_message_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_mark_leads(ARRAY(SELECT lead_id FROM conversations WHERE id IN (OLD.conversation_id, NEW.conversation_id)));
  RETURN NULL;
END
$$;
CREATE TRIGGER analytics_messages_au AFTER UPDATE OF conversation_id, direction, auto_reply, created_at ON messages
  FOR EACH ROW EXECUTE FUNCTION analytics_message_changed();
CREATE FUNCTION analytics_activity_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_mark_leads(ARRAY(SELECT entity_id FROM new_rows WHERE entity_type = 'lead' AND action = 'lead_status_changed'));
  ELSE
    PERFORM analytics_mark_leads(ARRAY(SELECT entity_id FROM old_rows WHERE entity_type = 'lead' AND action = 'lead_status_changed'));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER analytics_activity_ai AFTER INSERT ON activity_log REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_activity_statement();
CREATE TRIGGER analytics_activity_ad AFTER DELETE ON activity_log REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_activity_statement();

