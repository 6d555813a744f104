-- The lead workspace: full-text search and saved segments.

-- Full-text index over the lead fields people search by. External content (the text lives
-- once, in leads); triggers keep it current on every write, whoever writes.
CREATE VIRTUAL TABLE leads_fts USING fts5(
  name, company, email, phone, website_domain, city, description,
  content = 'leads', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER leads_fts_ai AFTER INSERT ON leads BEGIN
  INSERT INTO leads_fts (rowid, name, company, email, phone, website_domain, city, description)
  VALUES (new.id, new.name, new.company, new.email, new.phone, new.website_domain, new.city, new.description);
END;
CREATE TRIGGER leads_fts_ad AFTER DELETE ON leads BEGIN
  INSERT INTO leads_fts (leads_fts, rowid, name, company, email, phone, website_domain, city, description)
  VALUES ('delete', old.id, old.name, old.company, old.email, old.phone, old.website_domain, old.city, old.description);
END;
CREATE TRIGGER leads_fts_au AFTER UPDATE OF name, company, email, phone, website_domain, city, description ON leads BEGIN
  INSERT INTO leads_fts (leads_fts, rowid, name, company, email, phone, website_domain, city, description)
  VALUES ('delete', old.id, old.name, old.company, old.email, old.phone, old.website_domain, old.city, old.description);
  INSERT INTO leads_fts (rowid, name, company, email, phone, website_domain, city, description)
  VALUES (new.id, new.name, new.company, new.email, new.phone, new.website_domain, new.city, new.description);
END;
INSERT INTO leads_fts (leads_fts) VALUES ('rebuild');

-- A saved filter (the same JSON the list, the desktop and bulk operations take).
CREATE TABLE saved_segments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  filter JSON NOT NULL DEFAULT '{}',
  sort TEXT,
  owner_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
  shared BOOLEAN NOT NULL DEFAULT 0,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX saved_segments_owner_name_key ON saved_segments (owner_id, lower(name));

-- The lists people open most: live leads newest first, and a city or a status best score
-- first. A page of such a filter reads ~50 index entries instead of every matching lead; the
-- single-column indexes they start with are dropped (every extra index slows imports).
CREATE INDEX leads_live_created_idx ON leads (deleted_at, created_at, id);
CREATE INDEX leads_city_score_idx ON leads (city, score DESC, id DESC);
CREATE INDEX leads_status_score_idx ON leads (status, score DESC, id DESC);
DROP INDEX leads_deleted_at_idx;
DROP INDEX leads_created_at_idx;
DROP INDEX leads_city_idx;
DROP INDEX leads_status_idx;
