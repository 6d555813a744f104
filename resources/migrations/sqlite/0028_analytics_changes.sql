-- The analytics figures (issue 13) are computed from the facts held in memory by each process
-- (analytics/src/factstore.cpp): leads, conversions, costs and campaign e-mails, loaded once
-- and then kept current from these two tables, which triggers fill on every write that changes
-- a figure:
-- - analytics_changes: ranges of lead ids (a lead added, removed, or changed in a column the
--   figures read, or its campaigns changed). A process reads the rows after the last one it
--   applied; the newest row takes in an id at most 64 past its last one (its `n` grows), so a
--   process that read that row before reads it again, from the last id it saw.
-- - analytics_days: the UTC days whose conversions, costs or sends changed, one row per kind
--   and day; each write gives its day the next `seq`, and a process reads the days whose seq
--   is past the last it saw. (A row per write would be a row per cost of an import.)
CREATE TABLE analytics_changes (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('lead', 'conversion', 'cost', 'send')),
  lo BIGINT,
  hi BIGINT,
  day TEXT,
  n INTEGER NOT NULL DEFAULT 1,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX analytics_changes_created_at_idx ON analytics_changes (created_at);
CREATE TABLE analytics_days (
  kind TEXT NOT NULL CHECK (kind IN ('conversion', 'cost', 'send')),
  day TEXT NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (kind, day)
);
CREATE INDEX analytics_days_seq_idx ON analytics_days (seq);

-- A lead id: the newest row takes it in when it is at most 64 past its last one (n grows; the
-- ids between are read again too, which costs little), or a new row.
CREATE TRIGGER analytics_leads_ai AFTER INSERT ON leads BEGIN
  UPDATE analytics_changes SET hi = new.id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND new.id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', new.id, new.id
   WHERE NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = new.id);
END;
CREATE TRIGGER analytics_leads_au AFTER UPDATE OF created_at, deleted_at, source, assigned_to, location_id, city, deal_stage, deal_value_cents, expected_close_date, status, enriched_at, last_contacted_at, conversion_date, lost_at ON leads
WHEN old.created_at IS NOT new.created_at OR old.deleted_at IS NOT new.deleted_at OR old.source IS NOT new.source OR old.assigned_to IS NOT new.assigned_to OR old.location_id IS NOT new.location_id OR old.city IS NOT new.city OR old.deal_stage IS NOT new.deal_stage OR old.deal_value_cents IS NOT new.deal_value_cents OR old.expected_close_date IS NOT new.expected_close_date OR old.status IS NOT new.status OR old.enriched_at IS NOT new.enriched_at
  OR old.last_contacted_at IS NOT new.last_contacted_at OR old.conversion_date IS NOT new.conversion_date OR old.lost_at IS NOT new.lost_at BEGIN
  UPDATE analytics_changes SET hi = new.id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND new.id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', new.id, new.id
   WHERE NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = new.id);
END;
CREATE TRIGGER analytics_leads_ad AFTER DELETE ON leads BEGIN
  UPDATE analytics_changes SET hi = old.id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND old.id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', old.id, old.id
   WHERE NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = old.id);
END;

-- A UTC day: its row, with the next seq.
CREATE TRIGGER analytics_conversions_ai AFTER INSERT ON conversions BEGIN
  UPDATE analytics_changes SET hi = new.lead_id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND new.lead_id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', new.lead_id, new.lead_id
   WHERE new.lead_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = new.lead_id);
  INSERT INTO analytics_days (kind, day, seq)
  SELECT 'conversion', substr(new.conversion_date, 1, 10), (SELECT COALESCE(MAX(seq), 0) + 1 FROM analytics_days) WHERE new.conversion_date IS NOT NULL
   ON CONFLICT (kind, day) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER analytics_conversions_au AFTER UPDATE ON conversions BEGIN
  UPDATE analytics_changes SET hi = old.lead_id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND old.lead_id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', old.lead_id, old.lead_id
   WHERE old.lead_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = old.lead_id);
  UPDATE analytics_changes SET hi = new.lead_id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND new.lead_id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', new.lead_id, new.lead_id
   WHERE new.lead_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = new.lead_id);
  INSERT INTO analytics_days (kind, day, seq)
  SELECT 'conversion', substr(old.conversion_date, 1, 10), (SELECT COALESCE(MAX(seq), 0) + 1 FROM analytics_days) WHERE old.conversion_date IS NOT NULL
   ON CONFLICT (kind, day) DO UPDATE SET seq = excluded.seq;
  INSERT INTO analytics_days (kind, day, seq)
  SELECT 'conversion', substr(new.conversion_date, 1, 10), (SELECT COALESCE(MAX(seq), 0) + 1 FROM analytics_days) WHERE new.conversion_date IS NOT NULL
   ON CONFLICT (kind, day) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER analytics_conversions_ad AFTER DELETE ON conversions BEGIN
  UPDATE analytics_changes SET hi = old.lead_id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND old.lead_id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', old.lead_id, old.lead_id
   WHERE old.lead_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = old.lead_id);
  INSERT INTO analytics_days (kind, day, seq)
  SELECT 'conversion', substr(old.conversion_date, 1, 10), (SELECT COALESCE(MAX(seq), 0) + 1 FROM analytics_days) WHERE old.conversion_date IS NOT NULL
   ON CONFLICT (kind, day) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER analytics_costs_ai AFTER INSERT ON costs BEGIN
  INSERT INTO analytics_days (kind, day, seq)
  SELECT 'cost', substr(new.created_at, 1, 10), (SELECT COALESCE(MAX(seq), 0) + 1 FROM analytics_days) WHERE new.created_at IS NOT NULL
   ON CONFLICT (kind, day) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER analytics_costs_au AFTER UPDATE ON costs BEGIN
  INSERT INTO analytics_days (kind, day, seq)
  SELECT 'cost', substr(old.created_at, 1, 10), (SELECT COALESCE(MAX(seq), 0) + 1 FROM analytics_days) WHERE old.created_at IS NOT NULL
   ON CONFLICT (kind, day) DO UPDATE SET seq = excluded.seq;
  INSERT INTO analytics_days (kind, day, seq)
  SELECT 'cost', substr(new.created_at, 1, 10), (SELECT COALESCE(MAX(seq), 0) + 1 FROM analytics_days) WHERE new.created_at IS NOT NULL
   ON CONFLICT (kind, day) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER analytics_costs_ad AFTER DELETE ON costs BEGIN
  INSERT INTO analytics_days (kind, day, seq)
  SELECT 'cost', substr(old.created_at, 1, 10), (SELECT COALESCE(MAX(seq), 0) + 1 FROM analytics_days) WHERE old.created_at IS NOT NULL
   ON CONFLICT (kind, day) DO UPDATE SET seq = excluded.seq;
END;

-- A cost that names a conversation belongs to its lead, and its messages are the lead's sends and
-- replies (the funnel): another lead, or none, moves them.
CREATE TRIGGER analytics_conversations_au AFTER UPDATE OF lead_id ON conversations WHEN old.lead_id IS NOT new.lead_id BEGIN
  UPDATE analytics_changes SET hi = old.lead_id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND old.lead_id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', old.lead_id, old.lead_id
   WHERE old.lead_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = old.lead_id);
  UPDATE analytics_changes SET hi = new.lead_id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND new.lead_id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', new.lead_id, new.lead_id
   WHERE new.lead_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = new.lead_id);
  INSERT INTO analytics_days (kind, day, seq)
  SELECT DISTINCT 'cost', substr(created_at, 1, 10), (SELECT COALESCE(MAX(seq), 0) + 1 FROM analytics_days) FROM costs
   WHERE related_entity_type = 'conversation' AND related_entity_id = new.id
   ON CONFLICT (kind, day) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER analytics_conversations_ad AFTER DELETE ON conversations BEGIN
  UPDATE analytics_changes SET hi = old.lead_id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND old.lead_id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', old.lead_id, old.lead_id
   WHERE old.lead_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = old.lead_id);
  INSERT INTO analytics_days (kind, day, seq)
  SELECT DISTINCT 'cost', substr(created_at, 1, 10), (SELECT COALESCE(MAX(seq), 0) + 1 FROM analytics_days) FROM costs
   WHERE related_entity_type = 'conversation' AND related_entity_id = old.id
   ON CONFLICT (kind, day) DO UPDATE SET seq = excluded.seq;
END;

-- Campaign e-mails (the day sent) and the campaigns a lead is in (its id).
CREATE TRIGGER analytics_recipients_ai AFTER INSERT ON campaign_recipients BEGIN
  UPDATE analytics_changes SET hi = new.lead_id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND new.lead_id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', new.lead_id, new.lead_id
   WHERE NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = new.lead_id);
  INSERT INTO analytics_days (kind, day, seq)
  SELECT 'send', substr(new.sent_at, 1, 10), (SELECT COALESCE(MAX(seq), 0) + 1 FROM analytics_days) WHERE new.sent_at IS NOT NULL
   ON CONFLICT (kind, day) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER analytics_recipients_au AFTER UPDATE OF sent_at, replied_at, lead_id, campaign_id ON campaign_recipients
WHEN old.sent_at IS NOT new.sent_at OR old.replied_at IS NOT new.replied_at OR old.lead_id IS NOT new.lead_id OR old.campaign_id IS NOT new.campaign_id BEGIN
  INSERT INTO analytics_days (kind, day, seq)
  SELECT 'send', substr(old.sent_at, 1, 10), (SELECT COALESCE(MAX(seq), 0) + 1 FROM analytics_days) WHERE old.sent_at IS NOT NULL
   ON CONFLICT (kind, day) DO UPDATE SET seq = excluded.seq;
  INSERT INTO analytics_days (kind, day, seq)
  SELECT 'send', substr(new.sent_at, 1, 10), (SELECT COALESCE(MAX(seq), 0) + 1 FROM analytics_days) WHERE new.sent_at IS NOT NULL
   ON CONFLICT (kind, day) DO UPDATE SET seq = excluded.seq;
  UPDATE analytics_changes SET hi = old.lead_id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND old.lead_id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', old.lead_id, old.lead_id
   WHERE NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = old.lead_id);
  UPDATE analytics_changes SET hi = new.lead_id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND new.lead_id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', new.lead_id, new.lead_id
   WHERE NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = new.lead_id);
END;
CREATE TRIGGER analytics_recipients_ad AFTER DELETE ON campaign_recipients BEGIN
  UPDATE analytics_changes SET hi = old.lead_id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND old.lead_id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', old.lead_id, old.lead_id
   WHERE NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = old.lead_id);
  INSERT INTO analytics_days (kind, day, seq)
  SELECT 'send', substr(old.sent_at, 1, 10), (SELECT COALESCE(MAX(seq), 0) + 1 FROM analytics_days) WHERE old.sent_at IS NOT NULL
   ON CONFLICT (kind, day) DO UPDATE SET seq = excluded.seq;
END;

-- The funnel: a lead's first e-mail out and reply in the inbox, and when it became qualified.
CREATE TRIGGER analytics_messages_ai AFTER INSERT ON messages BEGIN
  UPDATE analytics_changes SET hi = (SELECT lead_id FROM conversations WHERE id = new.conversation_id), n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND (SELECT lead_id FROM conversations WHERE id = new.conversation_id) BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', (SELECT lead_id FROM conversations WHERE id = new.conversation_id), (SELECT lead_id FROM conversations WHERE id = new.conversation_id)
   WHERE (SELECT lead_id FROM conversations WHERE id = new.conversation_id) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = (SELECT lead_id FROM conversations WHERE id = new.conversation_id));
END;
CREATE TRIGGER analytics_messages_au AFTER UPDATE OF conversation_id, direction, auto_reply, created_at ON messages BEGIN
  UPDATE analytics_changes SET hi = (SELECT lead_id FROM conversations WHERE id = old.conversation_id), n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND (SELECT lead_id FROM conversations WHERE id = old.conversation_id) BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', (SELECT lead_id FROM conversations WHERE id = old.conversation_id), (SELECT lead_id FROM conversations WHERE id = old.conversation_id)
   WHERE (SELECT lead_id FROM conversations WHERE id = old.conversation_id) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = (SELECT lead_id FROM conversations WHERE id = old.conversation_id));
  UPDATE analytics_changes SET hi = (SELECT lead_id FROM conversations WHERE id = new.conversation_id), n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND (SELECT lead_id FROM conversations WHERE id = new.conversation_id) BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', (SELECT lead_id FROM conversations WHERE id = new.conversation_id), (SELECT lead_id FROM conversations WHERE id = new.conversation_id)
   WHERE (SELECT lead_id FROM conversations WHERE id = new.conversation_id) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = (SELECT lead_id FROM conversations WHERE id = new.conversation_id));
END;
CREATE TRIGGER analytics_messages_ad AFTER DELETE ON messages BEGIN
  UPDATE analytics_changes SET hi = (SELECT lead_id FROM conversations WHERE id = old.conversation_id), n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND (SELECT lead_id FROM conversations WHERE id = old.conversation_id) BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', (SELECT lead_id FROM conversations WHERE id = old.conversation_id), (SELECT lead_id FROM conversations WHERE id = old.conversation_id)
   WHERE (SELECT lead_id FROM conversations WHERE id = old.conversation_id) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = (SELECT lead_id FROM conversations WHERE id = old.conversation_id));
END;
CREATE TRIGGER analytics_activity_ai AFTER INSERT ON activity_log WHEN new.entity_type = 'lead' AND new.action = 'lead_status_changed' BEGIN
  UPDATE analytics_changes SET hi = new.entity_id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND new.entity_id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', new.entity_id, new.entity_id
   WHERE new.entity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = new.entity_id);
END;
CREATE TRIGGER analytics_activity_ad AFTER DELETE ON activity_log WHEN old.entity_type = 'lead' AND old.action = 'lead_status_changed' BEGIN
  UPDATE analytics_changes SET hi = old.entity_id, n = n + 1
   WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND old.entity_id BETWEEN hi AND hi + 64;
  INSERT INTO analytics_changes (kind, lo, hi) SELECT 'lead', old.entity_id, old.entity_id
   WHERE old.entity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM analytics_changes WHERE id = (SELECT MAX(id) FROM analytics_changes) AND kind = 'lead' AND hi = old.entity_id);
END;

