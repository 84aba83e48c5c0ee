-- Webhook deliveries, committed before the 202; seq is the order of arrival.
CREATE TABLE deliveries (
  seq              INTEGER PRIMARY KEY AUTOINCREMENT,
  delivery_id      TEXT    NOT NULL UNIQUE,
  event            TEXT    NOT NULL,
  action           TEXT,
  installation_id  INTEGER,
  repository       TEXT,
  hook_id          TEXT,
  payload          TEXT,
  received_at      TEXT    NOT NULL,
  dispatched_at    TEXT,
  outcome          TEXT,
  reason           TEXT,
  dispatch_count   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX deliveries_pending ON deliveries(seq) WHERE dispatched_at IS NULL;
CREATE INDEX deliveries_received ON deliveries(received_at);
