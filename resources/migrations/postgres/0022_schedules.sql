-- Schedules (issue 15): what a run missed while nothing was running does (run once now, or
-- skip), and per run what fired it, the time it was due, the job it ran as and who asked. A
-- scheduled run is claimed by moving its schedule's next_run_at (compare and set), so one process
-- fires it; the unique index below refuses a second log of the same due time all the same.
ALTER TABLE schedules ADD COLUMN misfire_policy TEXT NOT NULL DEFAULT 'run_once' CHECK (misfire_policy IN ('run_once', 'skip'));
ALTER TABLE schedule_logs ADD COLUMN fired_by TEXT NOT NULL DEFAULT 'schedule' CHECK (fired_by IN ('schedule', 'misfire', 'manual'));
ALTER TABLE schedule_logs ADD COLUMN due_at TIMESTAMPTZ;
ALTER TABLE schedule_logs ADD COLUMN job_id BIGINT;
ALTER TABLE schedule_logs ADD COLUMN requested_by BIGINT REFERENCES users (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX schedule_logs_due_key ON schedule_logs (schedule_id, due_at) WHERE fired_by <> 'manual';
CREATE INDEX schedule_logs_requested_by_idx ON schedule_logs (requested_by);
