package dev.orchestrator.store;

import dev.orchestrator.queue.MissionQueue;
import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link MissionQueue} on the runs table. A claim is one {@code UPDATE … RETURNING} inside one
 * write transaction, so two workers never claim the same run. The SQL is portable enough for a
 * PostgreSQL implementation to differ only in {@code FOR UPDATE SKIP LOCKED}.
 */
public final class SqliteMissionQueue implements MissionQueue {
  /** How long an open mission breaker holds its runs before letting one through. */
  public static final Duration BREAKER_HALF_OPEN_AFTER = Duration.ofSeconds(300);

  private final Database db;
  private final int capacityPerInstallation;
  private final int capacityTotal;

  public SqliteMissionQueue(Database db, int capacityPerInstallation, int capacityTotal) {
    this.db = db;
    this.capacityPerInstallation = capacityPerInstallation;
    this.capacityTotal = capacityTotal;
  }

  @Override
  public Offer offer(NewRun run, Instant now) {
    return db.write(c -> offerIn(c, run, now));
  }

  /** {@link #offer} inside a write transaction the caller holds (a schedule slot's). */
  Offer offerIn(Connection c, NewRun run, Instant now) throws SQLException {
    if (run.status() != RunStatus.QUEUED) {
      throw new IllegalArgumentException("offering a run that is " + run.status() + ", not QUEUED");
    }
    if (run.idempotencyKey().isPresent() && keyExists(c, run.idempotencyKey().get())) {
      return new Offer.Duplicate();
    }
    int total = count(c, "SELECT COUNT(*) FROM runs WHERE status = 'QUEUED'", null);
    if (total >= capacityTotal) {
      return new Offer.Full(
          "the queue is full (" + total + " of " + capacityTotal + " runs waiting in all)");
    }
    int mine =
        count(
            c,
            "SELECT COUNT(*) FROM runs WHERE status = 'QUEUED' AND installation_id = ?",
            run.installationId());
    if (mine >= capacityPerInstallation) {
      return new Offer.Full(
          "the queue is full for this installation ("
              + mine
              + " of "
              + capacityPerInstallation
              + " runs waiting)");
    }
    Optional<Long> id = SqliteRunStore.insert(c, run, now);
    return id.<Offer>map(Offer.Queued::new).orElseGet(Offer.Duplicate::new);
  }

  private static final String CLAIM =
      "UPDATE runs SET status = 'RUNNING', lease_owner = ?, lease_until = ?, not_before = NULL,"
          + " attempts = attempts + 1, started_at = COALESCE(started_at, ?), updated_at = ?"
          + " WHERE id = ("
          + "  SELECT r.id FROM runs r"
          + "  LEFT JOIN queue_served s ON s.installation_id = r.installation_id"
          + "  WHERE r.status = 'QUEUED' AND (r.not_before IS NULL OR r.not_before <= ?)"
          + "   AND (r.issue_number IS NULL OR NOT EXISTS ("
          + "     SELECT 1 FROM runs x WHERE x.repository = r.repository"
          + "      AND x.issue_number = r.issue_number AND x.status IN ('QUEUED', 'RUNNING')"
          + "      AND (x.status = 'RUNNING' OR x.id < r.id)))"
          + "   AND NOT EXISTS ("
          + "     SELECT 1 FROM breakers b WHERE b.mission = r.mission"
          + "      AND b.installation_id = r.installation_id AND b.state = 'OPEN'"
          + "      AND b.opened_at > ?)"
          + "  ORDER BY r.priority DESC, COALESCE(s.served_seq, 0) ASC, r.id ASC LIMIT 1)"
          + " RETURNING *";

  @Override
  public Optional<RunRecord> claim(String worker, Duration lease, Instant now) {
    return db.write(
        c -> {
          RunRecord claimed = null;
          try (PreparedStatement p = c.prepareStatement(CLAIM)) {
            String ts = Timestamps.format(now);
            p.setString(1, worker);
            p.setString(2, Timestamps.format(now.plus(lease)));
            p.setString(3, ts);
            p.setString(4, ts);
            p.setString(5, ts);
            p.setString(6, Timestamps.format(now.minus(BREAKER_HALF_OPEN_AFTER)));
            try (ResultSet rs = p.executeQuery()) {
              if (rs.next()) {
                claimed = RunRows.read(rs);
              }
            }
          }
          if (claimed != null) {
            try (PreparedStatement p =
                c.prepareStatement(
                    "INSERT INTO queue_served(installation_id, served_seq) VALUES (?,"
                        + " (SELECT COALESCE(MAX(served_seq), 0) + 1 FROM queue_served))"
                        + " ON CONFLICT(installation_id) DO UPDATE SET served_seq = excluded.served_seq")) {
              p.setLong(1, claimed.installationId());
              p.executeUpdate();
            }
          }
          return Optional.ofNullable(claimed);
        });
  }

  @Override
  public Optional<Instant> nextWaitingUntil(Instant now) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT MIN(not_before) FROM runs WHERE status = 'QUEUED' AND not_before > ?")) {
            p.setString(1, Timestamps.format(now));
            try (ResultSet rs = p.executeQuery()) {
              return rs.next()
                  ? Optional.ofNullable(Timestamps.parse(rs.getString(1)))
                  : Optional.<Instant>empty();
            }
          }
        });
  }

  @Override
  public boolean renew(long runId, String worker, Duration lease, Instant now) {
    return db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE runs SET lease_until = ?, updated_at = ?"
                      + " WHERE id = ? AND status = 'RUNNING' AND lease_owner = ?")) {
            p.setString(1, Timestamps.format(now.plus(lease)));
            p.setString(2, Timestamps.format(now));
            p.setLong(3, runId);
            p.setString(4, worker);
            return p.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Reclaimed reclaimExpired(int maxAttempts, Instant now) {
    return db.write(
        c -> {
          String ts = Timestamps.format(now);
          List<Long> failed = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE runs SET status = 'FAILED', finished_at = ?, updated_at = ?,"
                      + " lease_owner = NULL, lease_until = NULL, error_class = 'lease_expired',"
                      + " error = 'the worker running it stopped answering ' || attempts"
                      + " || ' times (lease expired); not retried again'"
                      + " WHERE status = 'RUNNING' AND lease_until < ? AND attempts >= ? RETURNING id")) {
            p.setString(1, ts);
            p.setString(2, ts);
            p.setString(3, ts);
            p.setInt(4, maxAttempts);
            collect(p, failed);
          }
          List<Long> requeued = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE runs SET status = 'QUEUED', lease_owner = NULL, lease_until = NULL,"
                      + " updated_at = ? WHERE status = 'RUNNING' AND lease_until < ? RETURNING id")) {
            p.setString(1, ts);
            p.setString(2, ts);
            collect(p, requeued);
          }
          return new Reclaimed(requeued, failed);
        });
  }

  @Override
  public int endOrphanedLeases(Instant now) {
    return db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE runs SET lease_until = ?, updated_at = ?"
                      + " WHERE status = 'RUNNING' AND lease_until IS NOT NULL"
                      + " AND lease_until >= ?")) {
            String ts = Timestamps.format(now);
            p.setString(1, Timestamps.format(now.minusMillis(1)));
            p.setString(2, ts);
            p.setString(3, ts);
            return p.executeUpdate();
          }
        });
  }

  @Override
  public void release(long runId, String worker, Instant now) {
    db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE runs SET status = 'QUEUED', lease_owner = NULL, lease_until = NULL,"
                      + " attempts = MAX(attempts - 1, 0), updated_at = ?"
                      + " WHERE id = ? AND status = 'RUNNING' AND lease_owner = ?")) {
            p.setString(1, Timestamps.format(now));
            p.setLong(2, runId);
            p.setString(3, worker);
            p.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public int queued() {
    return db.read(c -> count(c, "SELECT COUNT(*) FROM runs WHERE status = 'QUEUED'", null));
  }

  @Override
  public int queued(long installationId) {
    return db.read(
        c ->
            count(
                c,
                "SELECT COUNT(*) FROM runs WHERE status = 'QUEUED' AND installation_id = ?",
                installationId));
  }

  private static boolean keyExists(Connection c, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM runs WHERE idempotency_key = ?")) {
      p.setString(1, key);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static int count(Connection c, String sql, Long arg) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      if (arg != null) {
        p.setLong(1, arg);
      }
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private static void collect(PreparedStatement p, List<Long> into) throws SQLException {
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        into.add(rs.getLong(1));
      }
    }
  }
}
