package dev.orchestrator.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code agent restore}: puts a backup in the database's place while no server runs.
 *
 * <p>Order of work, each step safe to fail: hold the server lock (so no server starts meanwhile);
 * copy the backup beside the database as {@code <db>.restoring} and check the copy (header,
 * integrity, our schema at a version this build knows); fold the current database's WAL into it and
 * move it aside as {@code <db>.replaced-<UTC time>} together with any sidecar files, so no stale
 * WAL can ever meet the restored file; rename the checked copy into place; open it once through
 * {@link Database#open}, which migrates it forward if it is older.
 */
public final class DatabaseRestore {
  private static final DateTimeFormatter ASIDE =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final int COPY_BUFFER = 1 << 16;

  private DatabaseRestore() {}

  /** What a restore did. */
  public sealed interface Result {
    /**
     * The backup is in place.
     *
     * @param backupVersion the schema version the backup had
     * @param replacedBy where the database it replaced was kept; empty when there was none
     * @param summary the restored database after migration
     */
    record Restored(
        Path database, int backupVersion, Optional<Path> replacedBy, DatabaseSummary summary)
        implements Result {}

    /** Nothing changed; {@code message} says why and what to do. */
    record Refused(String message) implements Result {}
  }

  /** Restores {@code backup} over the database file {@code database}. */
  public static Result run(Path backup, Path database, Clock clock, Progress progress) {
    Path db = database.toAbsolutePath().normalize();
    Path from = backup.toAbsolutePath().normalize();
    if (ServerLock.isHeld(db)) {
      return new Result.Refused(serverRunning(db));
    }
    String unusable = BackupFile.unusable(from, db);
    if (unusable != null) {
      return new Result.Refused(unusable);
    }
    try {
      Files.createDirectories(db.getParent());
    } catch (IOException e) {
      return new Result.Refused("creating \"" + db.getParent() + "\": " + e.getMessage());
    }
    ServerLock lock;
    try {
      lock = ServerLock.acquire(db);
    } catch (StoreException e) {
      return new Result.Refused(serverRunning(db)); // a server started since the check above
    }
    try (lock) {
      return restoreLocked(from, db, clock, progress);
    }
  }

  private static Result restoreLocked(Path from, Path db, Clock clock, Progress progress) {
    Path staging = SqliteFiles.sibling(db, ".restoring");
    try {
      SqliteFiles.deleteWithSidecars(staging);
      copyWithProgress(from, staging, progress);
      Path fromWal = SqliteFiles.sibling(from, "-wal");
      if (Files.isRegularFile(fromWal)) {
        // committed transactions of a copied WAL database live in its -wal; SQLite replays it
        Files.copy(fromWal, SqliteFiles.sibling(staging, "-wal"));
      }
      progress.update("checking the backup", 0, 0);
      BackupFile.Checked checked = BackupFile.check(staging, from);
      if (checked instanceof BackupFile.Checked.Unusable bad) {
        SqliteFiles.deleteWithSidecars(staging);
        return new Result.Refused(bad.message());
      }
      int backupVersion = ((BackupFile.Checked.Usable) checked).version();
      Optional<Path> aside = moveAside(db, clock);
      try {
        Files.move(staging, db, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        return new Result.Refused(putBack(db, aside, "moving the backup into place: " + e));
      }
      return open(db, backupVersion, aside, progress);
    } catch (IOException e) {
      deleteQuietly(staging);
      return new Result.Refused(
          "restoring \""
              + from
              + "\" over \""
              + db
              + "\": "
              + e.getMessage()
              + "; the database was not replaced");
    }
  }

  /** After a failed swap: the replaced database back in its place, or where to find it. */
  private static String putBack(Path db, Optional<Path> aside, String failure) {
    if (aside.isEmpty()) {
      return failure + "; there was no database before, and there is none now";
    }
    try {
      Files.move(aside.get(), db, StandardCopyOption.ATOMIC_MOVE);
      return failure + "; the database was put back as it was";
    } catch (IOException e) {
      return failure
          + "; the replaced database is at \""
          + aside.get()
          + "\": move it back to \""
          + db
          + "\" by hand";
    }
  }

  private static void deleteQuietly(Path staging) {
    try {
      SqliteFiles.deleteWithSidecars(staging);
    } catch (IOException e) {
      // the .restoring name already says what it is; the next restore deletes it
    }
  }

  /** Opens the restored file once, which migrates it forward. */
  private static Result open(Path db, int backupVersion, Optional<Path> aside, Progress progress) {
    progress.update("opening the restored database", 0, 0);
    try (Database opened = Database.open("jdbc:sqlite:" + db)) {
      DatabaseSummary summary = opened.read(c -> summarize(c, db));
      return new Result.Restored(db, backupVersion, aside, summary);
    } catch (StoreException e) {
      return new Result.Refused(
          "the backup is in place at \""
              + db
              + "\" but opening it failed: "
              + e.getMessage()
              + aside.map(a -> "; the replaced database is kept at \"" + a + "\"").orElse(""));
    }
  }

  /**
   * Folds the current database's WAL into it and moves it, with whatever sidecars remain, to {@code
   * <db>.replaced-<time>}. Empty when there is no database yet.
   */
  private static Optional<Path> moveAside(Path db, Clock clock) throws IOException {
    if (!Files.exists(db)) {
      for (String suffix : SqliteFiles.SIDECARS) {
        Files.deleteIfExists(SqliteFiles.sibling(db, suffix)); // orphans of a deleted database
      }
      return Optional.empty();
    }
    try (Connection c = SqliteFiles.open(db)) {
      SqliteFiles.exec(c, "PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (SQLException e) {
      // a damaged database cannot be checkpointed; its sidecars move with it below
    }
    String stamp = ASIDE.format(clock.instant());
    Path aside = SqliteFiles.sibling(db, ".replaced-" + stamp);
    for (int n = 2; Files.exists(aside); n++) {
      aside = SqliteFiles.sibling(db, ".replaced-" + stamp + "-" + n);
    }
    Files.move(db, aside, StandardCopyOption.ATOMIC_MOVE);
    for (String suffix : SqliteFiles.SIDECARS) {
      Path sidecar = SqliteFiles.sibling(db, suffix);
      if (Files.exists(sidecar)) {
        Files.move(sidecar, SqliteFiles.sibling(aside, suffix), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    return Optional.of(aside);
  }

  private static void copyWithProgress(Path from, Path to, Progress progress) throws IOException {
    long total = Files.size(from);
    long done = 0;
    byte[] buffer = new byte[COPY_BUFFER];
    try (InputStream in = Files.newInputStream(from);
        OutputStream out = Files.newOutputStream(to)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        done += n;
        progress.update("copying the backup", done, total);
      }
    }
  }

  private static DatabaseSummary summarize(Connection c, Path db) throws SQLException {
    try {
      return new DatabaseSummary(
          SqliteFiles.schemaVersion(c).orElse(0), SqliteFiles.rowCounts(c), Files.size(db));
    } catch (IOException e) {
      throw new SQLException("reading the size of \"" + db + "\": " + e.getMessage(), e);
    }
  }

  /** Why restore refuses while a server runs, and how to stop it. */
  static String serverRunning(Path db) {
    OptionalLong pid = ServerLock.holderPid(db);
    String who = pid.isPresent() ? "a server (pid " + pid.getAsLong() + ")" : "a server";
    String kill = pid.isPresent() ? "`kill -TERM " + pid.getAsLong() + "`" : "SIGTERM";
    return who
        + " is running on \""
        + db
        + "\" (it holds \""
        + ServerLock.lockFile(db)
        + "\"); stop it first with "
        + kill
        + ", `systemctl stop <its unit>` or Ctrl-C in its terminal, wait until it has exited,"
        + " then run restore again";
  }
}
