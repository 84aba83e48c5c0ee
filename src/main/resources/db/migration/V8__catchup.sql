-- Catch-up of missed deliveries (webhook.CatchUp). catchup_mark holds one row: the newest
-- attempt in GitHub's delivery log that the last completed scan covered, so the next scan stops
-- there. catchup_requests counts the redeliveries asked for per guid, so a delivery our server
-- keeps refusing is not asked for every 10 minutes for 3 days; rows older than GitHub's 3-day
-- log are deleted when a scan completes.
CREATE TABLE catchup_mark (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  delivery_id   INTEGER NOT NULL,
  delivered_at  TEXT    NOT NULL,
  scanned_at    TEXT    NOT NULL
);

CREATE TABLE catchup_requests (
  guid          TEXT    NOT NULL,
  requested_at  TEXT    NOT NULL
);

CREATE INDEX catchup_requests_guid ON catchup_requests(guid);
CREATE INDEX catchup_requests_at ON catchup_requests(requested_at);
