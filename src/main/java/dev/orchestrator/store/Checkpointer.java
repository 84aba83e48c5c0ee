package dev.orchestrator.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves WAL checkpoints off the commit path. SQLite's automatic checkpoint runs inside the commit
 * that crosses 1000 pages: that commit, and every request waiting on it, pays for copying 4 MB into
 * the database file and two more fsyncs. Here a thread with its own connection runs PASSIVE
 * checkpoints beside the writer instead, at most every {@link #PASS_INTERVAL_MS} while there are
 * commits, and the writer's automatic checkpoint is off.
 *
 * <p>A WAL restarts from its beginning only when a write starts after every frame has been copied.
 * Under a steady stream of commits a passive pass never quite catches up, so once the WAL holds
 * {@link #RESTART_FRAMES} frames, one pass runs with writers held back: it copies only what arrived
 * since the previous pass, so the pause is short, and the next write restarts the WAL.
 */
final class Checkpointer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

  /** Between passes, commits accumulate: a pass per commit would double the fsyncs. */
  static final long PASS_INTERVAL_MS = 200;

  /** About 64 MB of 4 KB pages. */
  static final int RESTART_FRAMES = 16_000;

  private final Database db;
  private final Connection connection;
  private final Semaphore commits = new Semaphore(0);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread thread;

  Checkpointer(Database db, String url) throws SQLException {
    this.db = db;
    this.connection = DriverManager.getConnection(url);
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA busy_timeout=" + db.busyTimeoutMs());
    }
    this.thread = new Thread(this::loop, "wal-checkpoint");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** A transaction committed: the WAL grew. */
  void committed() {
    if (commits.availablePermits() == 0) {
      commits.release();
    }
  }

  private void loop() {
    try {
      while (closed.getCount() > 0) {
        if (!commits.tryAcquire(1, TimeUnit.SECONDS) || closed.getCount() == 0) {
          continue;
        }
        commits.drainPermits();
        try {
          if (pass() >= RESTART_FRAMES) {
            db.holdingWriters(this::pass);
          }
        } catch (SQLException | RuntimeException e) {
          LOG.warn("checkpointing \"{}\": {}", db.file().getFileName(), e.getMessage());
        }
        closed.await(PASS_INTERVAL_MS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One PASSIVE checkpoint; returns the frames in the WAL. */
  private int pass() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      return rs.next() ? rs.getInt(2) : 0;
    }
  }

  @Override
  public void close() {
    closed.countDown();
    commits.release(); // wakes the thread if it waits for a commit
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // closing: nothing left to protect
    }
  }
}
