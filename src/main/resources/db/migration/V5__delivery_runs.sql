-- The runs each delivery started, written by the dispatcher in the transaction that records the
-- delivery's outcome, so `agent receive --wait` can name them.
CREATE TABLE delivery_runs (
  delivery_id  TEXT    NOT NULL REFERENCES deliveries(delivery_id) ON DELETE CASCADE,
  run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  PRIMARY KEY (delivery_id, run_id)
);
CREATE INDEX delivery_runs_run ON delivery_runs(run_id);
