-- A run whose GitHub call the rate-limit governor deferred goes back to QUEUED with the instant
-- GitHub lets its installation send again; a claim skips it until then. NULL: no wait.
-- UTC ISO-8601 text with milliseconds, like every timestamp here, so it compares as text.
ALTER TABLE runs ADD COLUMN not_before TEXT;
-- Only waiting runs are in it: the workers ask for the earliest one to know when to wake.
CREATE INDEX runs_not_before ON runs(not_before) WHERE status = 'QUEUED' AND not_before IS NOT NULL;
