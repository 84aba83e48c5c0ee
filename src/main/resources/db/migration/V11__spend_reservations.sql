-- One row per model call, written before the call is made. The daily budget check and the insert
-- of the reservation are one BEGIN IMMEDIATE transaction, so workers of one process and processes
-- sharing the file cannot all pass the check together. reserved_usd is the call's worst case;
-- settled_usd the exact cost from the answer's usage (0 when the call failed without usage), NULL
-- while the call is out. An unsettled row counts only until expires_at and while its run is
-- RUNNING, so a crash mid-call cannot hold the budget. Amounts are exact decimal text, summed in
-- Java; reserved_at decides the UTC day a call counts towards.
CREATE TABLE spend_reservations (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  installation_id  INTEGER NOT NULL,
  run_id           INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  reserved_usd     TEXT    NOT NULL,
  settled_usd      TEXT,
  reserved_at      TEXT    NOT NULL,
  expires_at       TEXT    NOT NULL,
  settled_at       TEXT
);
CREATE INDEX spend_reservations_day ON spend_reservations(installation_id, reserved_at);
CREATE INDEX spend_reservations_run ON spend_reservations(run_id);
