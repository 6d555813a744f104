-- The lead list filtered by a tag (issue 17): a tag's leads with the list's hot columns beside
-- each tagging, so that "tag x status x score range", newest first, is one range of one index
-- (as "city x status x score" is on leads) instead of a walk of the status's index entries
-- testing each for the tag (100-200 ms at a million leads). The columns copy the lead's:
-- written by the statements that tag leads (they read the lead anyway), by the trigger below
-- when a statement does not, and kept equal by the trigger on leads. lead_tag_list names them
-- as leads does, so the list's SQL reads either (docs/architecture.md, "Tag lists").

ALTER TABLE lead_tags ADD COLUMN lead_status TEXT;
ALTER TABLE lead_tags ADD COLUMN lead_score INTEGER;
ALTER TABLE lead_tags ADD COLUMN lead_city TEXT;
ALTER TABLE lead_tags ADD COLUMN lead_created_at TIMESTAMP;
ALTER TABLE lead_tags ADD COLUMN lead_has_email BOOLEAN;
ALTER TABLE lead_tags ADD COLUMN lead_has_phone BOOLEAN;
ALTER TABLE lead_tags ADD COLUMN lead_has_website BOOLEAN;
ALTER TABLE lead_tags ADD COLUMN lead_deleted_at TIMESTAMP;

UPDATE lead_tags SET lead_status = l.status, lead_score = l.score, lead_city = l.city, lead_created_at = l.created_at,
  lead_has_email = l.has_email, lead_has_phone = l.has_phone, lead_has_website = l.has_website, lead_deleted_at = l.deleted_at
  FROM leads l WHERE l.id = lead_tags.lead_id;

-- A tagging that did not say the lead's columns (lead_status is never NULL on a lead).
CREATE TRIGGER lead_tags_fill AFTER INSERT ON lead_tags WHEN NEW.lead_status IS NULL BEGIN
  UPDATE lead_tags SET lead_status = l.status, lead_score = l.score, lead_city = l.city, lead_created_at = l.created_at,
    lead_has_email = l.has_email, lead_has_phone = l.has_phone, lead_has_website = l.has_website, lead_deleted_at = l.deleted_at
    FROM leads l WHERE l.id = NEW.lead_id AND lead_tags.lead_id = NEW.lead_id AND lead_tags.tag_id = NEW.tag_id;
END;
-- A lead's change reaches its taggings (a lead has a few: one seek each).
CREATE TRIGGER leads_tag_list_sync AFTER UPDATE OF status, score, city, created_at, email, phone, website, deleted_at ON leads
WHEN OLD.status IS NOT NEW.status OR OLD.score IS NOT NEW.score OR OLD.city IS NOT NEW.city OR OLD.created_at IS NOT NEW.created_at
  OR OLD.has_email IS NOT NEW.has_email OR OLD.has_phone IS NOT NEW.has_phone OR OLD.has_website IS NOT NEW.has_website
  OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  UPDATE lead_tags SET lead_status = NEW.status, lead_score = NEW.score, lead_city = NEW.city, lead_created_at = NEW.created_at,
    lead_has_email = NEW.has_email, lead_has_phone = NEW.has_phone, lead_has_website = NEW.has_website, lead_deleted_at = NEW.deleted_at
    WHERE lead_id = NEW.id;
END;

CREATE VIEW lead_tag_list AS
  SELECT tag_id, lead_id AS id, lead_status AS status, lead_score AS score, lead_city AS city, lead_created_at AS created_at,
         lead_has_email AS has_email, lead_has_phone AS has_phone, lead_has_website AS has_website, lead_deleted_at AS deleted_at
  FROM lead_tags;

-- A tag's live leads newest first (and a created range; a city checked inside), by status then
-- score (counts; pages of a status), best score first (and a score range). deleted_at is held
-- for the reason given in 0006.
CREATE INDEX lead_tags_list_created_idx ON lead_tags (tag_id, lead_created_at, lead_id, lead_status, lead_score, lead_city,
  lead_has_email, lead_has_phone, lead_has_website, lead_deleted_at) WHERE lead_deleted_at IS NULL;
CREATE INDEX lead_tags_list_status_idx ON lead_tags (tag_id, lead_status, lead_score, lead_created_at, lead_id, lead_city,
  lead_has_email, lead_has_phone, lead_has_website, lead_deleted_at) WHERE lead_deleted_at IS NULL;
CREATE INDEX lead_tags_list_score_idx ON lead_tags (tag_id, lead_score, lead_id, lead_status, lead_created_at, lead_city,
  lead_has_email, lead_has_phone, lead_has_website, lead_deleted_at) WHERE lead_deleted_at IS NULL;
