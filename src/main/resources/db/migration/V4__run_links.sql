-- Where a run shows up on GitHub: the comment that started it (and our 👀 on it), its status
-- comment and its check run, so feedback is edited in place and found again after a crash.
CREATE TABLE run_links (
  run_id             INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  delivery_id        TEXT,
  comment_id         INTEGER,
  eyes_reaction_id   INTEGER,
  status_comment_id  INTEGER,
  check_run_id       INTEGER,
  check_run_name     TEXT,
  rocket_reaction_id INTEGER
);
CREATE INDEX run_links_comment ON run_links(comment_id);

