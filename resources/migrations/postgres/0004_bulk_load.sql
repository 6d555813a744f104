-- Same unique key as SQLite's 0004: rows without a source_id need no entry (NULLs never
-- collide, so uniqueness is unchanged). PostgreSQL's imports go through COPY with the indexes
-- live; the bulk-load bookkeeping tables are SQLite's alone.
DROP INDEX leads_source_key;
CREATE UNIQUE INDEX leads_source_key ON leads (source, source_id) WHERE source_id IS NOT NULL;
