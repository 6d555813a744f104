-- Scrape jobs that pause, resume and retry their failed pages (issue 10).
-- 1. 'paused' becomes a status. SQLite cannot alter a CHECK, so the table is rebuilt the way
--    SQLite documents: a new table, the rows copied, the old one dropped, the new one renamed,
--    with foreign keys off around the migration (the migrator's marker below), so dropping
--    the old table runs no ON DELETE SET NULL on leads.scrape_job_id.
-- fliptech: rebuilds-tables
CREATE TABLE scrape_jobs_0010 (
  id INTEGER PRIMARY KEY,
  job_key TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'paused', 'completed', 'failed', 'cancelled')),
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
INSERT INTO scrape_jobs_0010 (id, job_key, source, status, config, location_id, job_id, progress, pages_fetched, leads_found, error_message,
                         started_at, completed_at, created_by, created_at, updated_at)
  SELECT id, job_key, source, status, config, location_id, job_id, progress, pages_fetched, leads_found, error_message,
         started_at, completed_at, created_by, created_at, updated_at FROM scrape_jobs;
DROP TABLE scrape_jobs;
ALTER TABLE scrape_jobs_0010 RENAME TO scrape_jobs;
CREATE INDEX scrape_jobs_status_idx ON scrape_jobs (status);
CREATE INDEX scrape_jobs_source_idx ON scrape_jobs (source);
CREATE INDEX scrape_jobs_location_id_idx ON scrape_jobs (location_id);
CREATE INDEX scrape_jobs_created_by_idx ON scrape_jobs (created_by);
CREATE INDEX scrape_jobs_created_at_idx ON scrape_jobs (created_at);

-- 2. Each search page a job stored or failed: a resumed job skips what is done (nothing is
--    fetched twice), and retry-failed runs only the failed ones again. search_key is
--    "site/category"; listings is what the page held (fewer than a full page ends its search).
CREATE TABLE scrape_pages (
  id INTEGER PRIMARY KEY,
  scrape_job_id BIGINT NOT NULL REFERENCES scrape_jobs (id) ON DELETE CASCADE,
  search_key TEXT NOT NULL,
  page INTEGER NOT NULL CHECK (page >= 0),
  url TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
  listings INTEGER NOT NULL DEFAULT 0,
  leads_added INTEGER NOT NULL DEFAULT 0,
  error_message TEXT,
  fetched_at TIMESTAMP NOT NULL,
  UNIQUE (scrape_job_id, search_key, page)
);
