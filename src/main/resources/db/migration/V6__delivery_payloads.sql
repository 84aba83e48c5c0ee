-- A delivery's payload lives beside its row, not in it. The dispatcher updates every delivery once
-- (its outcome); with the payload inside the row, SQLite rewrote the whole record, kilobytes of
-- payload included, which doubled what each delivery wrote and halved the intake's throughput.
-- deliveries.payload still holds the payloads stored before this migration; new rows leave it
-- NULL, and readers take COALESCE(delivery_payloads.payload, deliveries.payload).
CREATE TABLE delivery_payloads (
  seq      INTEGER PRIMARY KEY REFERENCES deliveries(seq) ON DELETE CASCADE,
  payload  TEXT    NOT NULL
);
