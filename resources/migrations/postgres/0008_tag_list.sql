-- The lead list filtered by a tag (issue 17): a tag's leads with the list's hot columns beside
-- each tagging, so that "tag x status x score range", newest first, is one range of one index
-- (as "city x status x score" is on leads) instead of a semi-join over the status's entries
-- (100-300 ms at a million leads). The columns copy the lead's: written by the statements that
-- tag leads (they read the lead anyway), by the BEFORE trigger when a statement does not, and
-- kept equal by the statement trigger on leads. lead_tag_list names them as leads does, so the
-- list's SQL reads either (docs/architecture.md, "Tag lists").

ALTER TABLE lead_tags ADD COLUMN lead_status TEXT, ADD COLUMN lead_score INTEGER, ADD COLUMN lead_city TEXT,
  ADD COLUMN lead_created_at TIMESTAMPTZ, ADD COLUMN lead_has_email BOOLEAN, ADD COLUMN lead_has_phone BOOLEAN,
  ADD COLUMN lead_has_website BOOLEAN, ADD COLUMN lead_deleted_at TIMESTAMPTZ;

UPDATE lead_tags lt SET lead_status = l.status, lead_score = l.score, lead_city = l.city, lead_created_at = l.created_at,
  lead_has_email = l.has_email, lead_has_phone = l.has_phone, lead_has_website = l.has_website, lead_deleted_at = l.deleted_at
  FROM leads l WHERE l.id = lt.lead_id;

-- A tagging that did not say the lead's columns (lead_status is never NULL on a lead).
CREATE FUNCTION lead_tags_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT l.status, l.score, l.city, l.created_at, l.has_email, l.has_phone, l.has_website, l.deleted_at
    INTO NEW.lead_status, NEW.lead_score, NEW.lead_city, NEW.lead_created_at, NEW.lead_has_email, NEW.lead_has_phone,
         NEW.lead_has_website, NEW.lead_deleted_at
    FROM leads l WHERE l.id = NEW.lead_id;
  RETURN NEW;
END
$$;
CREATE TRIGGER lead_tags_fill BEFORE INSERT ON lead_tags FOR EACH ROW WHEN (NEW.lead_status IS NULL) EXECUTE FUNCTION lead_tags_fill();

-- A change of leads reaches their taggings: once per statement, as one join (a bulk edit of
-- 100,000 leads is one UPDATE of their taggings, not 100,000 trigger calls).
CREATE FUNCTION leads_tag_list_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE lead_tags lt SET lead_status = n.status, lead_score = n.score, lead_city = n.city, lead_created_at = n.created_at,
    lead_has_email = n.has_email, lead_has_phone = n.has_phone, lead_has_website = n.has_website, lead_deleted_at = n.deleted_at
  FROM changed_leads n
  WHERE lt.lead_id = n.id
    AND (lt.lead_status IS DISTINCT FROM n.status OR lt.lead_score IS DISTINCT FROM n.score OR lt.lead_city IS DISTINCT FROM n.city
      OR lt.lead_created_at IS DISTINCT FROM n.created_at OR lt.lead_has_email IS DISTINCT FROM n.has_email
      OR lt.lead_has_phone IS DISTINCT FROM n.has_phone OR lt.lead_has_website IS DISTINCT FROM n.has_website
      OR lt.lead_deleted_at IS DISTINCT FROM n.deleted_at);
  RETURN NULL;
END
$$;
CREATE TRIGGER leads_tag_list_sync AFTER UPDATE ON leads REFERENCING NEW TABLE AS changed_leads
  FOR EACH STATEMENT EXECUTE FUNCTION leads_tag_list_sync();

CREATE VIEW lead_tag_list AS
  SELECT tag_id, lead_id AS id, lead_status AS status, lead_score AS score, lead_city AS city, lead_created_at AS created_at,
         lead_has_email AS has_email, lead_has_phone AS has_phone, lead_has_website AS has_website, lead_deleted_at AS deleted_at
  FROM lead_tags;

-- A tag's live leads newest first (and a created range), by status then score (counts; pages of
-- a status), best score first (and a score range); the other hot columns checked inside.
CREATE INDEX lead_tags_list_created_idx ON lead_tags (tag_id, lead_created_at, lead_id)
  INCLUDE (lead_status, lead_score, lead_city, lead_has_email, lead_has_phone, lead_has_website) WHERE lead_deleted_at IS NULL;
CREATE INDEX lead_tags_list_status_idx ON lead_tags (tag_id, lead_status, lead_score)
  INCLUDE (lead_created_at, lead_id, lead_city, lead_has_email, lead_has_phone, lead_has_website) WHERE lead_deleted_at IS NULL;
CREATE INDEX lead_tags_list_score_idx ON lead_tags (tag_id, lead_score, lead_id)
  INCLUDE (lead_status, lead_created_at, lead_city, lead_has_email, lead_has_phone, lead_has_website) WHERE lead_deleted_at IS NULL;
