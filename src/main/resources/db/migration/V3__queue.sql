-- The queue is the runs table; this remembers when each installation was last served, so a
-- claim can prefer the installation served least recently.
CREATE TABLE queue_served (
  installation_id  INTEGER PRIMARY KEY,
  served_seq       INTEGER NOT NULL
);
CREATE INDEX runs_issue ON runs(repository, issue_number, status);
CREATE INDEX runs_lease ON runs(lease_until) WHERE status = 'RUNNING';
