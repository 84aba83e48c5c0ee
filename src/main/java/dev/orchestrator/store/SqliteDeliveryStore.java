package dev.orchestrator.store;

import dev.orchestrator.webhook.Delivery;
import dev.orchestrator.webhook.DeliveryStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link DeliveryStore} on {@code deliveries}, with each payload in {@code delivery_payloads} so
 * that recording an outcome rewrites a narrow row. The intake's inserts and the dispatcher's
 * outcomes go through one {@link GroupCommit}, so a burst costs one fsync per batch, not per row.
 */
public final class SqliteDeliveryStore implements DeliveryStore, AutoCloseable {
  // Payloads stored before V5 are still in deliveries.payload.
  private static final String SELECT =
      "SELECT d.*, COALESCE(p.payload, d.payload) AS body FROM deliveries d"
          + " LEFT JOIN delivery_payloads p ON p.seq = d.seq";

  private static final String INSERT_DELIVERY =
      "INSERT INTO deliveries(delivery_id, event, action, installation_id, repository, hook_id,"
          + " received_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT(delivery_id) DO NOTHING";
  private static final String INSERT_PAYLOAD =
      "INSERT INTO delivery_payloads(seq, payload) VALUES (last_insert_rowid(), ?)";
  private static final String MARK =
      "UPDATE deliveries SET dispatched_at = ?, outcome = ?, reason = ?, next_attempt_at = NULL,"
          + " dispatch_count = dispatch_count + 1 WHERE seq = ?";
  private static final String POSTPONE =
      "UPDATE deliveries SET next_attempt_at = ?, failed_attempts = ?, first_failed_at = ?,"
          + " reason = ? WHERE seq = ? AND dispatched_at IS NULL";
  private static final String MARK_RUN =
      "INSERT INTO delivery_runs(delivery_id, run_id)"
          + " SELECT delivery_id, ? FROM deliveries WHERE seq = ? ON CONFLICT DO NOTHING";

  private final Database db;
  private final GroupCommit commits;

  public SqliteDeliveryStore(Database db) {
    this.db = db;
    this.commits = new GroupCommit(db, "delivery-commit");
  }

  /** SQLite's primary result codes for a database that cannot be written now, not a bad query. */
  private static final Set<Integer> UNAVAILABLE =
      Set.of(
          5, // SQLITE_BUSY
          6, // SQLITE_LOCKED
          8, // SQLITE_READONLY
          10, // SQLITE_IOERR
          13, // SQLITE_FULL
          14); // SQLITE_CANTOPEN

  @Override
  public boolean unavailable(RuntimeException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e && UNAVAILABLE.contains(e.getErrorCode() & 0xff)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean store(Delivery d) {
    return commits.submit(s -> insert(s, d));
  }

  private static boolean insert(Statements s, Delivery d) throws SQLException {
    PreparedStatement p = s.prepare(INSERT_DELIVERY);
    p.setString(1, d.id());
    p.setString(2, d.event());
    SqliteRunStore.setText(p, 3, d.action());
    if (d.installationId().isPresent()) {
      p.setLong(4, d.installationId().get());
    } else {
      p.setNull(4, Types.INTEGER);
    }
    SqliteRunStore.setText(p, 5, d.repository());
    SqliteRunStore.setText(p, 6, d.hookId());
    p.setString(7, Timestamps.format(d.receivedAt()));
    if (p.executeUpdate() != 1) {
      return false;
    }
    PreparedStatement payload = s.prepare(INSERT_PAYLOAD);
    payload.setString(1, d.payload());
    payload.executeUpdate();
    return true;
  }

  @Override
  public Arrival arriving() {
    return commits.arriving();
  }

  @Override
  public boolean contains(String deliveryId) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT 1 FROM deliveries WHERE delivery_id = ?")) {
            p.setString(1, deliveryId);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  @Override
  public List<StoredDelivery> pending(int limit) {
    return list(" WHERE d.dispatched_at IS NULL ORDER BY d.seq LIMIT ?", p -> p.setInt(1, limit));
  }

  /**
   * Reads the pending deliveries through their partial index; those waiting for a later attempt are
   * few (GitHub failing for one repository) and filtered out row by row. A repository's deliveries
   * keep their order: one received after a delivery of the same repository that waits for its next
   * attempt waits too (a later push, close or comment must not act before an earlier event).
   */
  @Override
  public List<StoredDelivery> due(Instant now, int limit) {
    String at = Timestamps.format(now);
    long upTo = lastWithinBytes(at, limit);
    if (upTo < 0) {
      return List.of();
    }
    return list(
        DUE + " AND d.seq <= ? ORDER BY d.seq LIMIT ?",
        p -> {
          p.setString(1, at);
          p.setString(2, at);
          p.setLong(3, upTo);
          p.setInt(4, limit);
        });
  }

  private static final String DUE =
      " WHERE d.dispatched_at IS NULL"
          + " AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= ?)"
          + " AND NOT EXISTS (SELECT 1 FROM deliveries w WHERE w.dispatched_at IS NULL"
          + " AND w.next_attempt_at > ? AND w.repository = d.repository AND w.seq < d.seq)";

  /**
   * The most payload bytes one read of due deliveries holds (the first delivery is read whatever
   * its size): a backlog of GitHub's largest payloads is read a few at a time, not fifty.
   */
  static final long BATCH_BYTES = 16L * 1024 * 1024;

  /**
   * The last sequence of the due deliveries a read may take, by their payloads' sizes (read from
   * the records' headers, not the payloads); -1 when none is due.
   */
  private long lastWithinBytes(String at, int limit) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT d.seq, COALESCE(octet_length(p.payload), octet_length(d.payload), 0)"
                      + " FROM deliveries d LEFT JOIN delivery_payloads p ON p.seq = d.seq"
                      + DUE
                      + " ORDER BY d.seq LIMIT ?")) {
            p.setString(1, at);
            p.setString(2, at);
            p.setInt(3, limit);
            long last = -1;
            long bytes = 0;
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                bytes += rs.getLong(2);
                if (last >= 0 && bytes > BATCH_BYTES) {
                  break;
                }
                last = rs.getLong(1);
              }
            }
            return last;
          }
        });
  }

  /** Sets a query's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement p) throws SQLException;
  }

  /** The deliveries {@code where} selects, with their payloads. */
  private List<StoredDelivery> list(String where, Binder binder) {
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement(SELECT + where)) {
            binder.bind(p);
            List<StoredDelivery> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(row(rs));
              }
            }
            return out;
          }
        });
  }

  @Override
  public void postpone(Postponed postponed) {
    commits.submit(
        s -> {
          PreparedStatement p = s.prepare(POSTPONE);
          p.setString(1, Timestamps.format(postponed.nextAttemptAt()));
          p.setInt(2, postponed.failedAttempts());
          p.setString(3, Timestamps.format(postponed.firstFailedAt()));
          p.setString(4, postponed.reason());
          p.setLong(5, postponed.seq());
          p.executeUpdate();
          return null;
        });
  }

  /** A delivery by GitHub's id, with its dispatch state. */
  public Optional<StoredDelivery> find(String deliveryId) {
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement(SELECT + " WHERE d.delivery_id = ?")) {
            p.setString(1, deliveryId);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? Optional.of(row(rs)) : Optional.<StoredDelivery>empty();
            }
          }
        });
  }

  @Override
  public long lastSeq() {
    return db.read(
        c -> {
          try (PreparedStatement p =
                  c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM deliveries");
              ResultSet rs = p.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
          }
        });
  }

  @Override
  public void markDispatched(List<Dispatched> dispatched) {
    if (dispatched.isEmpty()) {
      return;
    }
    // Through the group commit: the outcomes share the intake's next fsync instead of taking one.
    commits.submit(
        s -> {
          PreparedStatement mark = s.prepare(MARK);
          PreparedStatement run = s.prepare(MARK_RUN);
          for (Dispatched d : dispatched) {
            mark.setString(1, Timestamps.format(d.at()));
            mark.setString(2, d.outcome().outcome());
            mark.setString(3, d.outcome().reason());
            mark.setLong(4, d.seq());
            mark.executeUpdate();
            for (long runId : d.outcome().runIds()) {
              run.setLong(1, runId);
              run.setLong(2, d.seq());
              run.executeUpdate();
            }
          }
          return null;
        });
  }

  private static StoredDelivery row(ResultSet rs) throws SQLException {
    long inst = rs.getLong("installation_id");
    Optional<Long> installation = rs.wasNull() ? Optional.empty() : Optional.of(inst);
    Delivery d =
        new Delivery(
            rs.getString("delivery_id"),
            rs.getString("event"),
            Optional.ofNullable(rs.getString("action")),
            installation,
            Optional.ofNullable(rs.getString("repository")),
            Optional.ofNullable(rs.getString("hook_id")),
            Optional.ofNullable(rs.getString("body")).orElse("{}"),
            Timestamps.parse(rs.getString("received_at")));
    return new StoredDelivery(
        rs.getLong("seq"),
        d,
        Optional.ofNullable(rs.getString("outcome")),
        Optional.ofNullable(rs.getString("reason")),
        rs.getInt("failed_attempts"),
        Optional.ofNullable(rs.getString("first_failed_at")).map(Timestamps::parse));
  }

  @Override
  public void close() {
    commits.close();
  }
}
