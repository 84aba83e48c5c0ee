-- One row per schedule slot taken. The unique (mission, repository, slot_start) index decides who
-- runs a slot: the server's scheduler, `agent run-due`, two of them at once, or either after a
-- restart; the row and the slot's run are written in one transaction. slot_start is the cron time
-- as a UTC instant, in the runs table's text format, so slots compare as text.
CREATE TABLE schedule_slots (
  mission     TEXT    NOT NULL,
  repository  TEXT    NOT NULL,
  slot_start  TEXT    NOT NULL,
  run_id      INTEGER REFERENCES runs(id) ON DELETE SET NULL,
  taken_by    TEXT    NOT NULL,
  taken_at    TEXT    NOT NULL
);
CREATE UNIQUE INDEX schedule_slots_slot ON schedule_slots(mission, repository, slot_start);
