-- Large imports (bulk load). Keeping 20 indexes and the full-text index current row by row
-- makes a million-row import take minutes; building them afterwards takes seconds. An import
-- that is large next to the table drops the lead indexes in its transaction and records them
-- here, and records the rows it added in the search backlog; a background job (leads.indexing)
-- builds both afterwards, in short transactions. Both tables survive a crash, so the work
-- resumes at the next start.
CREATE TABLE bulkload_indexes (
  name TEXT PRIMARY KEY,
  sql TEXT NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
-- Lead ids lo..hi that are not in leads_fts yet.
CREATE TABLE bulkload_search_backlog (
  lo INTEGER PRIMARY KEY,
  hi INTEGER NOT NULL
);

-- A lead in the backlog is not in leads_fts: deleting or changing it must not remove entries
-- it never had (that corrupts an external-content FTS5 index); the backlog job indexes what
-- it holds when its turn comes. A new lead whose id falls in a range (ids of deleted rows are
-- reused) is likewise left to the job, so no lead is ever indexed twice.
DROP TRIGGER leads_fts_ai;
CREATE TRIGGER leads_fts_ai AFTER INSERT ON leads
WHEN NOT EXISTS (SELECT 1 FROM bulkload_search_backlog WHERE lo <= new.id AND hi >= new.id) BEGIN
  INSERT INTO leads_fts (rowid, name, company, email, phone, website_domain, city, description)
  VALUES (new.id, new.name, new.company, new.email, new.phone, new.website_domain, new.city, new.description);
END;
DROP TRIGGER leads_fts_ad;
CREATE TRIGGER leads_fts_ad AFTER DELETE ON leads
WHEN NOT EXISTS (SELECT 1 FROM bulkload_search_backlog WHERE lo <= old.id AND hi >= old.id) BEGIN
  INSERT INTO leads_fts (leads_fts, rowid, name, company, email, phone, website_domain, city, description)
  VALUES ('delete', old.id, old.name, old.company, old.email, old.phone, old.website_domain, old.city, old.description);
END;
DROP TRIGGER leads_fts_au;
CREATE TRIGGER leads_fts_au AFTER UPDATE OF name, company, email, phone, website_domain, city, description ON leads
WHEN NOT EXISTS (SELECT 1 FROM bulkload_search_backlog WHERE lo <= old.id AND hi >= old.id) BEGIN
  INSERT INTO leads_fts (leads_fts, rowid, name, company, email, phone, website_domain, city, description)
  VALUES ('delete', old.id, old.name, old.company, old.email, old.phone, old.website_domain, old.city, old.description);
  INSERT INTO leads_fts (rowid, name, company, email, phone, website_domain, city, description)
  VALUES (new.id, new.name, new.company, new.email, new.phone, new.website_domain, new.city, new.description);
END;

-- The one unique key of leads stays live during a bulk load; rows without a source_id (every
-- CSV row that maps none) need no entry in it. NULLs never collide, so uniqueness is the same.
DROP INDEX leads_source_key;
CREATE UNIQUE INDEX leads_source_key ON leads (source, source_id) WHERE source_id IS NOT NULL;
