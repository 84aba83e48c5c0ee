package dev.orchestrator.store;

import dev.orchestrator.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Removes what the retention horizon has made old, without ever holding the database for long: the
 * server runs it daily with {@code RETENTION}, {@code agent prune} on demand.
 *
 * <ul>
 *   <li>transcripts of runs finished before the horizon are deleted;
 *   <li>those runs' stored event payload and checkpoint are set to NULL, while the run rows stay
 *       (the {@code mission_metrics} view reads them, and their idempotency keys keep a replayed
 *       delivery from starting them again);
 *   <li>deliveries received before the horizon are deleted once dispatched. The horizon is never
 *       under {@link Settings#MIN_RETENTION} (GitHub redelivers for 3 days with the same delivery
 *       id, so an id must be remembered longer); an undispatched delivery is never touched.
 * </ul>
 *
 * <p>Each batch of at most {@link #BATCH_ROWS} rows is its own short write transaction, and the
 * pruner then rests as long as the batch held the lock, so the intake's commits (in this process or
 * the server's) always get their turn. Space is then handed back with {@code PRAGMA
 * incremental_vacuum} in steps of {@link #VACUUM_PAGES} pages, paced the same way.
 */
public final class Pruner {
  static final int BATCH_ROWS = 500;
  static final int VACUUM_PAGES = 256;

  private final Database db;
  private final Clock clock;
  private final Pacing pacing;
  private Duration longestLock = Duration.ZERO;

  /** How the pruner gives the database to other writers between batches. */
  @FunctionalInterface
  interface Pacing {
    /** Called after each batch that held the write lock for {@code held}. */
    void rest(Duration held);

    /** Rests as long as the batch held the lock: at most half the time is the pruner's. */
    static Pacing shareEqually() {
      return held -> LockSupport.parkNanos(held.toNanos());
    }
  }

  public Pruner(Database db, Clock clock) {
    this(db, clock, Pacing.shareEqually());
  }

  Pruner(Database db, Clock clock, Pacing pacing) {
    this.db = db;
    this.clock = clock;
    this.pacing = pacing;
  }

  /**
   * Prunes what is older than {@code olderThan}, reporting no progress (the server's daily run).
   */
  public PruneReport prune(Duration olderThan) {
    return prune(olderThan, Progress.NONE);
  }

  /**
   * Prunes what is older than {@code olderThan} (at least {@link Settings#MIN_RETENTION}; less is a
   * bug in the caller, which validates the operator's input).
   */
  public synchronized PruneReport prune(Duration olderThan, Progress progress) {
    if (olderThan.compareTo(Settings.MIN_RETENTION) < 0) {
      throw new IllegalArgumentException(
          "prune horizon " + olderThan + " is under the minimum " + Settings.MIN_RETENTION);
    }
    longestLock = Duration.ZERO;
    // stored times have milliseconds; so does the horizon, and the report shows what was compared
    Instant horizon = clock.instant().minus(olderThan).truncatedTo(ChronoUnit.MILLIS);
    String before = Timestamps.format(horizon);
    long bytesBefore = size();
    // The last key old enough to qualify: each phase's scan stops there, so its final batch does
    // not walk every newer row inside one write transaction (at a million runs that tail held
    // the lock for seconds). Read before, outside any write transaction.
    long lastRun = count("SELECT COALESCE(MAX(id), 0) FROM runs WHERE finished_at < ?", before);
    long lastDelivery =
        count("SELECT COALESCE(MAX(seq), 0) FROM deliveries WHERE received_at < ?", before);
    long transcripts =
        batches(
            "deleting transcripts",
            count(
                "SELECT COUNT(*) FROM transcripts t JOIN runs r ON r.id = t.run_id"
                    + " WHERE r.finished_at < ?",
                before),
            "SELECT t.run_id FROM transcripts t JOIN runs r ON r.id = t.run_id"
                + " WHERE t.run_id > ? AND r.finished_at < ? AND t.run_id <= ?"
                + " ORDER BY t.run_id LIMIT ?",
            "DELETE FROM transcripts WHERE run_id = ?",
            before,
            lastRun,
            progress);
    String payloads = "finished_at < ? AND (event IS NOT NULL OR checkpoint IS NOT NULL)";
    long runs =
        batches(
            "clearing run payloads",
            count("SELECT COUNT(*) FROM runs WHERE " + payloads, before),
            // runs_payloads (V10) holds only the rows that still have a payload
            "SELECT id FROM runs WHERE id > ? AND " + payloads + " AND id <= ? ORDER BY id LIMIT ?",
            "UPDATE runs SET event = NULL, checkpoint = NULL WHERE id = ?",
            before,
            lastRun,
            progress);
    String dispatched = "received_at < ? AND dispatched_at IS NOT NULL";
    long deliveries =
        batches(
            "deleting deliveries",
            count("SELECT COUNT(*) FROM deliveries WHERE " + dispatched, before),
            "SELECT seq FROM deliveries WHERE seq > ? AND "
                + dispatched
                + " AND seq <= ? ORDER BY seq LIMIT ?",
            "DELETE FROM deliveries WHERE seq = ?",
            before,
            lastDelivery,
            progress);
    boolean vacuum = "2".equals(pragma("auto_vacuum"));
    long pages = vacuum ? vacuum(progress) : 0;
    db.read(c -> pragmaOn(c, "wal_checkpoint(PASSIVE)")); // lets the file shrink; never waits
    return new PruneReport(
        horizon, transcripts, runs, deliveries, pages, vacuum, bytesBefore, size(), longestLock);
  }

  /**
   * Runs batches until none is left: each selects up to {@link #BATCH_ROWS} keys after the last one
   * seen (so the scan never revisits rows) and at most {@code upTo}, and applies {@code change} to
   * each.
   */
  private long batches(
      String phase,
      long total,
      String select,
      String change,
      String before,
      long upTo,
      Progress progress) {
    long done = 0;
    long after = 0;
    progress.update(phase, 0, total);
    while (true) {
      long lastKey = after;
      long[] start = new long[1];
      List<Long> keys =
          db.write(
              c -> {
                start[0] = System.nanoTime(); // the lock is ours from here to the commit
                List<Long> found = keys(c, select, lastKey, before, upTo);
                try (PreparedStatement p = c.prepareStatement(change)) {
                  for (long key : found) {
                    p.setLong(1, key);
                    p.addBatch();
                  }
                  p.executeBatch();
                }
                return found;
              });
      Duration held = Duration.ofNanos(System.nanoTime() - start[0]);
      if (keys.isEmpty()) {
        return done;
      }
      done += keys.size();
      after = keys.get(keys.size() - 1);
      progress.update(phase, done, Math.max(total, done));
      noteHeld(held);
      if (keys.size() < BATCH_ROWS) {
        return done;
      }
      pacing.rest(held);
    }
  }

  private static List<Long> keys(Connection c, String select, long after, String before, long upTo)
      throws SQLException {
    List<Long> keys = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(select)) {
      p.setLong(1, after);
      p.setString(2, before);
      p.setLong(3, upTo);
      p.setInt(4, BATCH_ROWS);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getLong(1));
        }
      }
    }
    return keys;
  }

  /** Frees pages in steps of {@link #VACUUM_PAGES}, each its own short write transaction. */
  private long vacuum(Progress progress) {
    long total = Long.parseLong(pragma("freelist_count"));
    long freed = 0;
    progress.update("reclaiming space", 0, total);
    while (true) {
      long[] start = new long[1];
      long step =
          db.write(
              c -> {
                start[0] = System.nanoTime();
                long before = Long.parseLong(pragmaOn(c, "freelist_count"));
                try (Statement s = c.createStatement()) {
                  // executeUpdate runs the pragma to completion; execute() or a prepared
                  // statement would step it once, and each step frees a single page
                  s.executeUpdate("PRAGMA incremental_vacuum(" + VACUUM_PAGES + ")");
                }
                return before - Long.parseLong(pragmaOn(c, "freelist_count"));
              });
      if (step <= 0) {
        return freed;
      }
      freed += step;
      progress.update("reclaiming space", freed, Math.max(total, freed));
      Duration held = Duration.ofNanos(System.nanoTime() - start[0]);
      noteHeld(held);
      pacing.rest(held);
    }
  }

  private void noteHeld(Duration held) {
    if (held.compareTo(longestLock) > 0) {
      longestLock = held;
    }
  }

  private long count(String sql, String before) {
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, before);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? rs.getLong(1) : 0L;
            }
          }
        });
  }

  private String pragma(String name) {
    return db.read(c -> pragmaOn(c, name));
  }

  private static String pragmaOn(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  private long size() {
    try {
      return Files.size(db.file());
    } catch (IOException e) {
      throw new StoreException("reading the size of \"" + db.file() + "\": " + e.getMessage(), e);
    }
  }
}
