-- The lead list at a million leads: every index on leads serves a filter or a sort of the list
-- (or a foreign key that is set at all), and those that served nothing are gone. The map
-- (query shape -> index, with the plan each gets) is in docs/architecture.md, and
-- tests/leads/tst_leadplans.cpp checks the plans on both databases.
--
-- How a page is read: first the ids of the page (the filter, the sort, LIMIT 51) from an index
-- alone, then the wide rows of those 50 leads. So every list index carries the columns the
-- filter bar filters on most (city, status, score, has e-mail/phone/website) after its keys:
-- whichever index the planner walks, it checks the rest of the filter inside the index, and a
-- filter that no index leads with costs a walk of a narrow index in the order asked for, never
-- a read of the 1 KB rows. PostgreSQL holds them as INCLUDE columns (an index-only scan checks
-- them); autovacuum keeps the visibility map that index-only scans need.

-- "Has e-mail / phone / website" as columns an index can hold (computed by PostgreSQL on every
-- write; one byte each).
ALTER TABLE leads ADD COLUMN has_email boolean GENERATED ALWAYS AS (coalesce(email, '') <> '') STORED,
  ADD COLUMN has_phone boolean GENERATED ALWAYS AS (coalesce(phone, '') <> '') STORED,
  ADD COLUMN has_website boolean GENERATED ALWAYS AS (coalesce(website, '') <> '') STORED;

-- The orders the list offers, each with the hot filter columns: newest first (and a created
-- range), best score first (and a score range), names A to Z, last contacted.
CREATE INDEX leads_list_created_idx ON leads (created_at, id) INCLUDE (city, status, score, has_email, has_phone, has_website)
  WHERE deleted_at IS NULL;
CREATE INDEX leads_list_score_idx ON leads (score, id) INCLUDE (city, status, created_at, has_email, has_phone, has_website)
  WHERE deleted_at IS NULL;
CREATE INDEX leads_list_name_idx ON leads (name, id) INCLUDE (city, status, score, has_email, has_phone, has_website)
  WHERE deleted_at IS NULL AND name IS NOT NULL;
CREATE INDEX leads_list_contacted_idx ON leads (last_contacted_at, id) INCLUDE (city, status, score)
  WHERE deleted_at IS NULL AND last_contacted_at IS NOT NULL;
-- Filters that narrow the most: a city (then a score range, then a status), a status (then a
-- score range), a region (a state: several cities). They answer counts and selective pages.
CREATE INDEX leads_list_city_idx ON leads (city, score, status) INCLUDE (created_at, id, has_email, has_phone, has_website)
  WHERE deleted_at IS NULL;
CREATE INDEX leads_list_status_idx ON leads (status, score) INCLUDE (created_at, id, city, has_email, has_phone, has_website)
  WHERE deleted_at IS NULL;
CREATE INDEX leads_list_region_idx ON leads (region, score, status) INCLUDE (created_at, id) WHERE deleted_at IS NULL;
-- A source (also how an import finds the leads it has just added, to tag them).
CREATE INDEX leads_list_source_idx ON leads (source, created_at) INCLUDE (id);
-- Columns most leads leave empty get partial indexes: an import of leads without them pays
-- nothing, and the few that have them are found at once.
CREATE INDEX leads_list_stage_idx ON leads (deal_stage, created_at) INCLUDE (id) WHERE deleted_at IS NULL AND deal_stage IS NOT NULL;
CREATE INDEX leads_list_assigned_idx ON leads (assigned_to, status, created_at) INCLUDE (id) WHERE assigned_to IS NOT NULL;
CREATE INDEX leads_trash_idx ON leads (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX leads_location_idx ON leads (location_id) WHERE location_id IS NOT NULL;
CREATE INDEX leads_scrape_job_idx ON leads (scrape_job_id) WHERE scrape_job_id IS NOT NULL;
-- A reply is matched to its lead by address; duplicates are grouped by it.
DROP INDEX IF EXISTS leads_email_idx;
CREATE INDEX leads_email_idx ON leads (lower(email)) WHERE email IS NOT NULL;
-- A tag's leads, from the tag (the primary key (lead_id, tag_id) serves the other way).
DROP INDEX IF EXISTS lead_tags_tag_id_idx;
CREATE INDEX lead_tags_tag_idx ON lead_tags (tag_id, lead_id);

-- Replaced by the indexes above, or serving no query of the product: phone, website domain,
-- country, qualification, enrichment status, contacted count and updated-at are shown and
-- sorted, never filtered on a list large enough to need them. Deleting a user sets
-- created_by to NULL on their leads with a scan: a rare administrative act, against an index
-- every import would pay for.
DROP INDEX IF EXISTS leads_live_created_idx;
DROP INDEX IF EXISTS leads_city_score_idx;
DROP INDEX IF EXISTS leads_status_score_idx;
DROP INDEX IF EXISTS leads_deal_stage_idx;
DROP INDEX IF EXISTS leads_source_idx;
DROP INDEX IF EXISTS leads_score_idx;
DROP INDEX IF EXISTS leads_region_idx;
DROP INDEX IF EXISTS leads_last_contacted_at_idx;
DROP INDEX IF EXISTS leads_assigned_to_idx;
DROP INDEX IF EXISTS leads_location_id_idx;
DROP INDEX IF EXISTS leads_scrape_job_id_idx;
DROP INDEX IF EXISTS leads_qualification_score_idx;
DROP INDEX IF EXISTS leads_enrichment_status_idx;
DROP INDEX IF EXISTS leads_phone_idx;
DROP INDEX IF EXISTS leads_website_domain_idx;
DROP INDEX IF EXISTS leads_country_idx;
DROP INDEX IF EXISTS leads_updated_at_idx;
DROP INDEX IF EXISTS leads_contacted_count_idx;
DROP INDEX IF EXISTS leads_created_by_idx;
