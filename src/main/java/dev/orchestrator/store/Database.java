package dev.orchestrator.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQLite database: opened in WAL mode with {@code synchronous=FULL}, migrated at start-up.
 * Writes go through one connection under a lock, each in its own {@code BEGIN IMMEDIATE}
 * transaction; reads use a small pool of their own connections, which WAL lets run beside the
 * writer.
 */
public final class Database implements AutoCloseable {
  private static final int READERS = 4;

  /** How long a write waits for another connection's lock unless the caller says otherwise. */
  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);

  // What pragmas() reports.
  private static final List<String> PRAGMAS =
      List.of(
          "journal_mode",
          "synchronous",
          "wal_autocheckpoint",
          "busy_timeout",
          "page_size",
          "cache_size",
          "auto_vacuum",
          "foreign_keys");
  private static final Map<String, String> SYNCHRONOUS =
      Map.of("0", "OFF", "1", "NORMAL", "2", "FULL", "3", "EXTRA");

  private final String url;
  private final Path file;
  private final long busyTimeoutMs;
  private final Connection writer;
  // Fair, so a long series of short writers (the pruner's batches) cannot starve the intake's
  // group commit: whoever waited first writes next.
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  private final List<Connection> allReaders = new ArrayList<>();
  private volatile Checkpointer checkpointer;

  private Database(String url, Path file, long busyTimeoutMs, Connection writer) {
    this.url = url;
    this.file = file;
    this.busyTimeoutMs = busyTimeoutMs;
    this.writer = writer;
  }

  /** A unit of work on a connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * The absolute path of the database file named by {@code jdbcUrl} ({@code jdbc:sqlite:<file>}).
   */
  public static Path fileOf(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
      throw new StoreException(
          "opening database \"" + jdbcUrl + "\": only jdbc:sqlite: is supported");
    }
    return Path.of(jdbcUrl.substring("jdbc:sqlite:".length())).toAbsolutePath();
  }

  /** The schema version this build migrates to. */
  public static int latestSchemaVersion() {
    return Migrations.latest();
  }

  /** Opens (creating if needed) and migrates the database at {@code jdbcUrl}. */
  public static Database open(String jdbcUrl) {
    return open(jdbcUrl, DEFAULT_BUSY_TIMEOUT);
  }

  /**
   * The same, where a connection waits up to {@code busyTimeout} for another connection's lock
   * before its statement fails with {@code SQLITE_BUSY}.
   */
  public static Database open(String jdbcUrl, Duration busyTimeout) {
    long busyTimeoutMs = busyTimeout.toMillis();
    if (busyTimeoutMs < 1 || busyTimeoutMs > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "busy timeout must be from 1 ms to " + Integer.MAX_VALUE + " ms, found " + busyTimeout);
    }
    Path file = fileOf(jdbcUrl);
    try {
      Path parent = file.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      boolean fresh = !Files.exists(file) || Files.size(file) == 0;
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = c.createStatement()) {
        // before anything that locks: another process opening the same new file (a second
        // `agent run-due`) may hold it while it switches the journal mode
        s.execute("PRAGMA busy_timeout=" + busyTimeoutMs);
        if (fresh) {
          // Must precede the first table; cannot be switched on later without a full VACUUM.
          s.execute("PRAGMA auto_vacuum=INCREMENTAL");
        }
        switchToWal(s);
      }
      configure(c, busyTimeoutMs);
      Database db = new Database(jdbcUrl, file, busyTimeoutMs, c);
      Migrations.apply(db);
      return db;
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException("opening database \"" + file + "\": " + e.getMessage(), e);
    }
  }

  /**
   * Switches the file to WAL. Two processes opening the same new file at once (two `agent run-due`)
   * both ask; SQLite answers the one that loses the race SQLITE_BUSY at once, without waiting out
   * the busy timeout. Reading the mode then waits like any read, and finds the other's WAL.
   */
  private static void switchToWal(Statement s) throws SQLException {
    try {
      s.execute("PRAGMA journal_mode=WAL");
    } catch (SQLException e) {
      if ((e.getErrorCode() & 0xff) != 5) { // SQLITE_BUSY
        throw e;
      }
      try (java.sql.ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
          throw e;
        }
      }
    }
  }

  private static void configure(Connection c, long busyTimeoutMs) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA synchronous=FULL");
      s.execute("PRAGMA foreign_keys=ON");
      s.execute("PRAGMA busy_timeout=" + busyTimeoutMs);
    }
  }

  /** How long its connections wait for another connection's lock, in milliseconds. */
  long busyTimeoutMs() {
    return busyTimeoutMs;
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** The JDBC URL it was opened with. */
  public String url() {
    return url;
  }

  /**
   * The settings in effect on the write connection, the one every commit goes through: journal
   * mode, synchronous level, checkpointing and page figures, for the start-up log and benchmarks.
   */
  public Map<String, String> pragmas() {
    writeLock.lock();
    try (Statement s = writer.createStatement()) {
      Map<String, String> out = new LinkedHashMap<>();
      for (String name : PRAGMAS) {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
          out.put(name, rs.next() ? rs.getString(1) : "");
        }
      }
      out.computeIfPresent("synchronous", (k, v) -> SYNCHRONOUS.getOrDefault(v, v));
      return out;
    } catch (SQLException e) {
      throw new StoreException(
          "reading pragmas of \"" + file.getFileName() + "\": " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Checkpoints the WAL from a background thread from now on, instead of inside the commit that
   * fills it (see {@link Checkpointer}). For the server, where every commit has requests waiting.
   */
  public synchronized void checkpointInBackground() {
    if (checkpointer != null) {
      return;
    }
    writeLock.lock();
    try (Statement s = writer.createStatement()) {
      s.execute("PRAGMA wal_autocheckpoint=0");
      checkpointer = new Checkpointer(this, "jdbc:sqlite:" + file);
    } catch (SQLException e) {
      throw new StoreException(
          "starting the checkpointer of \"" + file.getFileName() + "\": " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  /** A unit of work that may fail with {@link SQLException}, without a result. */
  @FunctionalInterface
  interface SqlAction {
    void run() throws SQLException;
  }

  /** Runs {@code action} while no write transaction can start. */
  void holdingWriters(SqlAction action) throws SQLException {
    writeLock.lock();
    try {
      action.run();
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs {@code work} in one write transaction; rolls back on any exception or error. */
  public <T> T write(Work<T> work) {
    writeLock.lock();
    try {
      try (Statement s = writer.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
      }
      try {
        T result = work.run(writer);
        try (Statement s = writer.createStatement()) {
          s.execute("COMMIT");
        }
        Checkpointer cp = checkpointer;
        if (cp != null) {
          cp.committed();
        }
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        // an Error too (an OutOfMemoryError binding a huge payload): a transaction left open would
        // wedge the one writer connection, and every later write would fail
        try (Statement s = writer.createStatement()) {
          s.execute("ROLLBACK");
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("writing to \"" + file.getFileName() + "\": " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs {@code work} on a read connection (autocommit; each statement sees a snapshot). */
  public <T> T read(Work<T> work) {
    Connection c = null;
    try {
      c = borrow();
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("reading \"" + file.getFileName() + "\": " + e.getMessage(), e);
    } finally {
      if (c != null) {
        readers.offer(c);
      }
    }
  }

  private Connection borrow() throws SQLException {
    Connection c = readers.poll();
    if (c != null) {
      return c;
    }
    synchronized (allReaders) {
      if (allReaders.size() < READERS) {
        Connection fresh = DriverManager.getConnection("jdbc:sqlite:" + file);
        configure(fresh, busyTimeoutMs);
        allReaders.add(fresh);
        return fresh;
      }
    }
    try {
      return readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a read connection", e);
    }
  }

  @Override
  public void close() {
    Checkpointer cp = checkpointer;
    if (cp != null) {
      cp.close();
    }
    writeLock.lock();
    try {
      synchronized (allReaders) {
        for (Connection c : allReaders) {
          closeQuietly(c);
        }
        allReaders.clear();
      }
      closeQuietly(writer);
    } finally {
      writeLock.unlock();
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // closing: nothing left to protect
    }
  }
}
