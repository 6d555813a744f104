-- Revenue and costs (issue 13): the deal pipeline the team sets (each stage's probability in
-- whole percent, its kind: open, won or lost), why a deal was lost, and costs the team enters
-- (operating costs) attributed to a lead source or a campaign. Money stays in integer cents.
CREATE TABLE deal_stages (
  stage_key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  probability_percent INTEGER NOT NULL CHECK (probability_percent BETWEEN 0 AND 100),
  kind TEXT NOT NULL DEFAULT 'open' CHECK (kind IN ('open', 'won', 'lost')),
  position INTEGER NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO deal_stages (stage_key, name, probability_percent, kind, position) VALUES
  ('new', 'New', 5, 'open', 1),
  ('contacted', 'Contacted', 10, 'open', 2),
  ('qualified', 'Qualified', 25, 'open', 3),
  ('proposal', 'Proposal', 50, 'open', 4),
  ('negotiation', 'Negotiation', 75, 'open', 5),
  ('won', 'Won', 100, 'won', 6),
  ('lost', 'Lost', 0, 'lost', 7);

ALTER TABLE leads ADD COLUMN lost_reason TEXT;
ALTER TABLE leads ADD COLUMN lost_at TIMESTAMPTZ;

ALTER TABLE costs ADD COLUMN source TEXT;
ALTER TABLE costs ADD COLUMN campaign_id BIGINT REFERENCES campaigns (id) ON DELETE SET NULL;
ALTER TABLE costs ADD COLUMN created_by BIGINT REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX costs_campaign_id_idx ON costs (campaign_id);
CREATE INDEX costs_created_by_idx ON costs (created_by);
CREATE INDEX costs_source_idx ON costs (source, created_at);

CREATE INDEX leads_expected_close_date_idx ON leads (expected_close_date);
