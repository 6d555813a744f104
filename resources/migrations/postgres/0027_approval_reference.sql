-- Approvals (issue 15): what a request is about in its kind's own terms ("suggestion:42", an n8n
-- execution's resume address), so work decided elsewhere (a reply suggestion approved on the
-- Inbox page) closes its request, and a request made twice for the same thing is found.
ALTER TABLE approvals ADD COLUMN reference TEXT;
CREATE INDEX approvals_reference_idx ON approvals (entity_type, reference);
