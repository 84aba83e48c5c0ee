package dev.orchestrator.testing;

import dev.orchestrator.store.Database;
import dev.orchestrator.store.Timestamps;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;

/**
 * Many runs, transcripts and deliveries written in one transaction (tens of thousands per second),
 * spread evenly over a span of days ending at a given instant, for backup and prune tests.
 */
public final class BulkRows {
  /** A payload of realistic size (webhook payloads are kilobytes). */
  public static final String PAYLOAD =
      "{\"action\":\"opened\",\"pad\":\"" + "x".repeat(1500) + "\"}";

  private BulkRows() {}

  /**
   * Inserts {@code n} finished runs, each with a transcript and an event payload, and {@code n}
   * dispatched deliveries; they are spread evenly over {@code span}, the newest at {@code newest}.
   */
  public static void insert(Database db, int n, Instant newest, Duration span) {
    db.write(
        c -> {
          try (PreparedStatement run =
                  c.prepareStatement(
                      "INSERT INTO runs(id, mission, planner, trigger, idempotency_key, status,"
                          + " event, checkpoint, created_at, started_at, finished_at, duration,"
                          + " token_usage, updated_at)"
                          + " VALUES (?, 'triage', 'deterministic', 'event', ?, 'SUCCEEDED', ?,"
                          + " '{}', ?, ?, ?, 1.5, 10, ?)");
              PreparedStatement transcript =
                  c.prepareStatement(
                      "INSERT INTO transcripts(run_id, body, updated_at) VALUES (?, ?, ?)");
              PreparedStatement delivery =
                  c.prepareStatement(
                      "INSERT INTO deliveries(delivery_id, event, action, payload, received_at,"
                          + " dispatched_at, outcome, dispatch_count)"
                          + " VALUES (?, 'issues', 'opened', ?, ?, ?, 'run', 1)")) {
            for (int k = 0; k < n; k++) {
              // oldest first, so ids and delivery seqs grow with time as they do in life
              Instant at = newest.minus(span.multipliedBy(n - 1 - k).dividedBy(n));
              String ts = Timestamps.format(at);
              long id = k + 1;
              run.setLong(1, id);
              run.setString(2, "event:issues.opened:n" + id);
              run.setString(3, PAYLOAD);
              run.setString(4, ts);
              run.setString(5, ts);
              run.setString(6, ts);
              run.setString(7, ts);
              run.addBatch();
              transcript.setLong(1, id);
              transcript.setString(2, PAYLOAD);
              transcript.setString(3, ts);
              transcript.addBatch();
              delivery.setString(1, "d-" + id);
              delivery.setString(2, PAYLOAD);
              delivery.setString(3, ts);
              delivery.setString(4, ts);
              delivery.addBatch();
            }
            run.executeBatch();
            transcript.executeBatch();
            delivery.executeBatch();
          }
          return null;
        });
  }

  /** {@code SELECT COUNT(*) …} on {@code db}. */
  public static long count(Database db, String sql) {
    return db.read(
        c -> {
          try (var s = c.createStatement();
              var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
