-- Runs: the single source of truth for history, metrics and (later) the queue.
-- Timestamps are UTC ISO-8601 text with milliseconds ("2026-11-27T01:38:00.000Z"), so they sort
-- as text and read well in sqlite3.
CREATE TABLE runs (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  mission          TEXT    NOT NULL,
  planner          TEXT    NOT NULL,
  installation_id  INTEGER NOT NULL DEFAULT 0,
  repository       TEXT,
  issue_number     INTEGER,
  head_sha         TEXT,
  trigger          TEXT    NOT NULL,
  requested_by     TEXT,
  idempotency_key  TEXT,
  status           TEXT    NOT NULL,
  priority         INTEGER NOT NULL DEFAULT 1,
  dry_run          INTEGER NOT NULL DEFAULT 0,
  arguments        TEXT    NOT NULL DEFAULT '{}',
  event            TEXT,
  created_at       TEXT    NOT NULL,
  started_at       TEXT,
  finished_at      TEXT,
  duration         REAL,
  tool_call_count  INTEGER NOT NULL DEFAULT 0,
  token_usage      INTEGER NOT NULL DEFAULT 0,
  cost_usd         REAL    NOT NULL DEFAULT 0,
  model            TEXT,
  error            TEXT,
  error_class      TEXT,
  checkpoint       TEXT,
  attempts         INTEGER NOT NULL DEFAULT 0,
  lease_owner      TEXT,
  lease_until      TEXT,
  updated_at       TEXT    NOT NULL
);
CREATE UNIQUE INDEX runs_idempotency ON runs(idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX runs_finished ON runs(finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX runs_status ON runs(status, priority, id);
CREATE INDEX runs_repository ON runs(repository, id);

-- One JSON transcript per run.
CREATE TABLE transcripts (
  run_id      INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  body        TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- The mission circuit breaker, keyed by mission x installation (0 when there is none).
CREATE TABLE breakers (
  mission               TEXT    NOT NULL,
  installation_id       INTEGER NOT NULL,
  state                 TEXT    NOT NULL,
  consecutive_failures  INTEGER NOT NULL DEFAULT 0,
  opened_at             TEXT,
  updated_at            TEXT    NOT NULL,
  PRIMARY KEY (mission, installation_id)
);

-- PRODUCT.md's metrics, one row per run; the runbook's queries use it unchanged.
-- mission_id is the run id; mission_type is the mission's name.
CREATE VIEW mission_metrics AS
  SELECT id AS mission_id, mission AS mission_type, planner, installation_id, repository,
         status, dry_run, created_at, started_at, finished_at, duration, tool_call_count,
         token_usage, cost_usd, model, error, error_class
  FROM runs;
