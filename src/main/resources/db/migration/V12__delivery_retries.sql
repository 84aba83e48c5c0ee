-- A delivery that could not be dispatched yet because GitHub could not answer what it needs (its
-- repository's .github/agent.yml unreadable: 5xx, timeout, rate limit; nothing cached) stays
-- pending with its own next attempt, while the dispatcher goes on with the others.
-- next_attempt_at: the dispatcher skips the delivery until then (NULL: due now); UTC ISO-8601 text
-- with milliseconds, like every timestamp here, so it compares as text.
ALTER TABLE deliveries ADD COLUMN next_attempt_at TEXT;
-- How many attempts could not dispatch it; kept after it is dispatched, as its history.
ALTER TABLE deliveries ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
-- When the first of them failed: the dispatcher gives up (outcome failed) a bounded time later.
ALTER TABLE deliveries ADD COLUMN first_failed_at TEXT;
