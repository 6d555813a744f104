-- A business found again by another source (issue 10: "deduplicated by ... the leads' dedupe
-- keys"): a scraped row whose e-mail address is a stored lead's fills that lead instead of adding
-- a twin, and its (source, source_id) is remembered here, so reading the same page again finds
-- that lead by source as it finds the leads the source added itself.
CREATE TABLE lead_source_refs (
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  lead_id BIGINT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (source, source_id)
);
CREATE INDEX lead_source_refs_lead_id_idx ON lead_source_refs (lead_id);
