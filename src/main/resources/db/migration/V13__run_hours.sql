-- Finished runs summed per hour of finished_at, for status (issue 15, docs/PERFORMANCE.md "Large
-- histories"): at a million runs the week's window holds 77,000 runs, and grouping them took
-- SQLite ~0.15 s of sorting; the same window is 168 rows of this table per group, plus the runs
-- of the two partial hours at its ends read from runs as before (SqliteRunStats).
-- The triggers below keep it in the same transaction as every change to runs, so it is exactly
-- what runs says after any commit, a crash or a restore; no code writes it.
-- hour is finished_at's first 13 characters ("2026-11-27T05"); model is '' for none.
CREATE TABLE run_hours (
  hour      TEXT    NOT NULL,
  mission   TEXT    NOT NULL,
  status    TEXT    NOT NULL,
  dry_run   INTEGER NOT NULL,
  model     TEXT    NOT NULL,
  runs      INTEGER NOT NULL,
  timed     INTEGER NOT NULL,
  duration  REAL    NOT NULL,
  tokens    INTEGER NOT NULL,
  cost_usd  REAL    NOT NULL,
  PRIMARY KEY (hour, mission, status, dry_run, model)
) WITHOUT ROWID;

INSERT INTO run_hours(hour, mission, status, dry_run, model, runs, timed, duration, tokens,
                      cost_usd)
  SELECT substr(finished_at, 1, 13), mission, status, dry_run, COALESCE(model, ''), COUNT(*),
         COUNT(duration), COALESCE(SUM(duration), 0), SUM(token_usage), SUM(cost_usd)
  FROM runs WHERE finished_at IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER run_hours_insert AFTER INSERT ON runs
WHEN NEW.finished_at IS NOT NULL
BEGIN
  INSERT INTO run_hours(hour, mission, status, dry_run, model, runs, timed, duration, tokens,
                        cost_usd)
    VALUES (substr(NEW.finished_at, 1, 13), NEW.mission, NEW.status, NEW.dry_run,
            COALESCE(NEW.model, ''), 1, NEW.duration IS NOT NULL, COALESCE(NEW.duration, 0),
            NEW.token_usage, NEW.cost_usd)
    ON CONFLICT(hour, mission, status, dry_run, model) DO UPDATE SET
      runs = runs + 1, timed = timed + excluded.timed, duration = duration + excluded.duration,
      tokens = tokens + excluded.tokens, cost_usd = cost_usd + excluded.cost_usd;
END;

CREATE TRIGGER run_hours_delete AFTER DELETE ON runs
WHEN OLD.finished_at IS NOT NULL
BEGIN
  UPDATE run_hours SET
      runs = runs - 1, timed = timed - (OLD.duration IS NOT NULL),
      duration = duration - COALESCE(OLD.duration, 0), tokens = tokens - OLD.token_usage,
      cost_usd = cost_usd - OLD.cost_usd
    WHERE hour = substr(OLD.finished_at, 1, 13) AND mission = OLD.mission
      AND status = OLD.status AND dry_run = OLD.dry_run AND model = COALESCE(OLD.model, '');
  DELETE FROM run_hours
    WHERE hour = substr(OLD.finished_at, 1, 13) AND mission = OLD.mission
      AND status = OLD.status AND dry_run = OLD.dry_run AND model = COALESCE(OLD.model, '')
      AND runs = 0;
END;

-- Only the columns summed or grouped: a run's other updates (lease, checkpoint, prune clearing
-- its payload) do not fire it.
CREATE TRIGGER run_hours_update
AFTER UPDATE OF finished_at, mission, status, dry_run, model, duration, token_usage, cost_usd
ON runs
WHEN OLD.finished_at IS NOT NULL OR NEW.finished_at IS NOT NULL
BEGIN
  UPDATE run_hours SET
      runs = runs - 1, timed = timed - (OLD.duration IS NOT NULL),
      duration = duration - COALESCE(OLD.duration, 0), tokens = tokens - OLD.token_usage,
      cost_usd = cost_usd - OLD.cost_usd
    WHERE OLD.finished_at IS NOT NULL
      AND hour = substr(OLD.finished_at, 1, 13) AND mission = OLD.mission
      AND status = OLD.status AND dry_run = OLD.dry_run AND model = COALESCE(OLD.model, '');
  DELETE FROM run_hours
    WHERE OLD.finished_at IS NOT NULL
      AND hour = substr(OLD.finished_at, 1, 13) AND mission = OLD.mission
      AND status = OLD.status AND dry_run = OLD.dry_run AND model = COALESCE(OLD.model, '')
      AND runs = 0;
  INSERT INTO run_hours(hour, mission, status, dry_run, model, runs, timed, duration, tokens,
                        cost_usd)
    SELECT substr(NEW.finished_at, 1, 13), NEW.mission, NEW.status, NEW.dry_run,
           COALESCE(NEW.model, ''), 1, NEW.duration IS NOT NULL, COALESCE(NEW.duration, 0),
           NEW.token_usage, NEW.cost_usd
    WHERE NEW.finished_at IS NOT NULL
    ON CONFLICT(hour, mission, status, dry_run, model) DO UPDATE SET
      runs = runs + 1, timed = timed + excluded.timed, duration = duration + excluded.duration,
      tokens = tokens + excluded.tokens, cost_usd = cost_usd + excluded.cost_usd;
END;
