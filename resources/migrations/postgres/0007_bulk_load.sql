-- Large imports on PostgreSQL (issue 17): a million rows through COPY paid ~20 us a row for the
-- stored search_vector and more for the list indexes, 100+ s in all, against ~4 s into a bare
-- table. So search becomes an expression index (its document computed when the index is
-- built or a row written, not stored in the row), and an import that is large next to the
-- table drops the non-unique lead indexes before its COPY and records them here; the
-- leads.indexing job builds them back with CREATE INDEX CONCURRENTLY (readers and writers
-- never wait), as SQLite's bulk load does (0004).
CREATE TABLE bulkload_indexes (
  name TEXT PRIMARY KEY,
  sql TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The search document of a lead: name and company (weight A), contact data split at '@' and
-- '.' so "ohara" finds eve@ohara.example (B), city (C), description (D). 'simple' configuration:
-- names, e-mails and domains are not English prose. IMMUTABLE (to_tsvector with a named
-- configuration is), so an index can hold it; queries call it with the same arguments.
CREATE FUNCTION lead_search_vector(name TEXT, company TEXT, email TEXT, phone TEXT, website_domain TEXT, city TEXT, description TEXT)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(company, '')), 'A') ||
         setweight(to_tsvector('simple', coalesce(email, '') || ' ' || translate(coalesce(email, ''), '@.', '  ') || ' ' ||
                                         coalesce(phone, '') || ' ' || coalesce(website_domain, '') || ' ' ||
                                         translate(coalesce(website_domain, ''), '.', ' ')), 'B') ||
         setweight(to_tsvector('simple', coalesce(city, '')), 'C') ||
         setweight(to_tsvector('simple', coalesce(description, '')), 'D')
$$;

ALTER TABLE leads DROP COLUMN search_vector; -- its GIN index goes with it
CREATE INDEX leads_search_idx ON leads USING gin (lead_search_vector(name, company, email, phone, website_domain, city, description));

