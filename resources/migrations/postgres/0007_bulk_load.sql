-- Large imports on PostgreSQL (issue 17): a million rows through COPY paid ~20 us a row for the
-- stored search_vector and more for the list indexes, 100+ s in all, against ~4 s into a bare
-- table. So, as SQLite has done since 0004:
--  - an import that is large next to the table drops the non-unique lead indexes before its
--    COPY and records them here; the leads.indexing job builds them back with CREATE INDEX
--    CONCURRENTLY (readers and writers never wait);
--  - search documents live in a narrow table of their own, kept current by a trigger, which a
--    bulk load skips (it sets fliptech.bulk_load for its transaction) and leaves to the same
--    job through bulkload_search_backlog; until then those leads are not found by search.
CREATE TABLE bulkload_indexes (
  name TEXT PRIMARY KEY,
  sql TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Lead ids lo..hi that have no search document yet.
CREATE TABLE bulkload_search_backlog (
  lo BIGINT PRIMARY KEY,
  hi BIGINT NOT NULL
);

-- The search document of a lead: name and company (weight A), contact data split at '@' and
-- '.' so "ohara" finds eve@ohara.example (B), city (C), description (D). 'simple' configuration:
-- names, e-mails and domains are not English prose.
CREATE FUNCTION lead_search_vector(name TEXT, company TEXT, email TEXT, phone TEXT, website_domain TEXT, city TEXT, description TEXT)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(company, '')), 'A') ||
         setweight(to_tsvector('simple', coalesce(email, '') || ' ' || translate(coalesce(email, ''), '@.', '  ') || ' ' ||
                                         coalesce(phone, '') || ' ' || coalesce(website_domain, '') || ' ' ||
                                         translate(coalesce(website_domain, ''), '.', ' ')), 'B') ||
         setweight(to_tsvector('simple', coalesce(city, '')), 'C') ||
         setweight(to_tsvector('simple', coalesce(description, '')), 'D')
$$;

-- No foreign key: the row is written by a BEFORE trigger, before its lead is (a failed insert
-- takes both back); deleting a lead deletes it.
CREATE TABLE lead_search (
  lead_id BIGINT PRIMARY KEY,
  document tsvector NOT NULL
);
INSERT INTO lead_search (lead_id, document)
  SELECT id, lead_search_vector(name, company, email, phone, website_domain, city, description) FROM leads;
ALTER TABLE leads DROP COLUMN search_vector; -- its GIN index goes with it
CREATE INDEX leads_search_idx ON lead_search USING gin (document);

-- BEFORE triggers: an AFTER row trigger queues an event per row until the statement ends, a
-- million of them for a COPY even when it does nothing.
CREATE FUNCTION leads_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('fliptech.bulk_load', true) = 'on' THEN
    RETURN NEW; -- a bulk load: its rows are in bulkload_search_backlog
  END IF;
  INSERT INTO lead_search (lead_id, document)
  VALUES (NEW.id, lead_search_vector(NEW.name, NEW.company, NEW.email, NEW.phone, NEW.website_domain, NEW.city, NEW.description))
  ON CONFLICT (lead_id) DO UPDATE SET document = EXCLUDED.document;
  RETURN NEW;
END
$$;
CREATE TRIGGER leads_search_bi BEFORE INSERT ON leads FOR EACH ROW EXECUTE FUNCTION leads_search_sync();
CREATE TRIGGER leads_search_bu BEFORE UPDATE OF name, company, email, phone, website_domain, city, description ON leads
  FOR EACH ROW EXECUTE FUNCTION leads_search_sync();
CREATE FUNCTION leads_search_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM lead_search WHERE lead_id = OLD.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER leads_search_ad AFTER DELETE ON leads FOR EACH ROW EXECUTE FUNCTION leads_search_forget();
