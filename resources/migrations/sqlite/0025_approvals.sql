-- Approvals (issue 15): who may decide a request (a role, or one user), the outcome its deadline
-- (expires_at) applies, the auto-approval rule that decided it, what the resumed work did, and
-- the payload as asked when the decider edited it before approving.
ALTER TABLE approvals ADD COLUMN decide_role TEXT NOT NULL DEFAULT 'user';
ALTER TABLE approvals ADD COLUMN decide_user_id BIGINT REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE approvals ADD COLUMN default_decision TEXT NOT NULL DEFAULT 'rejected';
ALTER TABLE approvals ADD COLUMN auto_rule_id BIGINT REFERENCES auto_approval_rules (id) ON DELETE SET NULL;
ALTER TABLE approvals ADD COLUMN result JSON;
ALTER TABLE approvals ADD COLUMN original_payload JSON;
CREATE INDEX approvals_expires_idx ON approvals (status, expires_at);
CREATE INDEX approvals_decide_user_id_idx ON approvals (decide_user_id);
CREATE INDEX approvals_auto_rule_id_idx ON approvals (auto_rule_id);
