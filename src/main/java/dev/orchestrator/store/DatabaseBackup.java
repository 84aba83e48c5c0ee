package dev.orchestrator.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalInt;
import org.sqlite.SQLiteConnection;

/**
 * {@code agent backup}: a consistent copy of the live database, made with SQLite's online backup
 * while the server keeps writing, then checked ({@code PRAGMA integrity_check}) and counted.
 *
 * <p>The copy is written to {@code <target>.partial} and renamed into place only once it passed the
 * check, so a file under the target's name is always a complete, checked backup. It is a
 * self-contained rollback-journal database (no {@code -wal} beside it), so copying the one file is
 * enough.
 */
public final class DatabaseBackup {
  /** Pages copied per step (4 KiB each by default); progress is reported after each step. */
  static final int PAGES_PER_STEP = 256;

  private static final int BUSY_RETRY_MS = 50;
  private static final int BUSY_RETRIES = 200;

  private DatabaseBackup() {}

  /** What a backup produced. */
  public sealed interface Result {
    /** A checked copy at {@code target}. */
    record Done(Path target, DatabaseSummary summary) implements Result {}

    /** Nothing was written under the target's name; {@code message} says why and what to do. */
    record Failed(String message) implements Result {}
  }

  /** Copies {@code database} to {@code target}; an existing target is replaced only if asked. */
  public static Result run(Path database, Path target, boolean overwrite, Progress progress) {
    Path db = database.toAbsolutePath().normalize();
    Path to = target.toAbsolutePath().normalize();
    String refusal = refusal(db, to, overwrite);
    if (refusal != null) {
      return new Result.Failed(refusal);
    }
    Path partial = SqliteFiles.sibling(to, ".partial");
    try {
      SqliteFiles.deleteWithSidecars(partial);
      copy(db, partial, progress);
      progress.update("checking the copy", 0, 0);
      Result checked = check(partial, to);
      if (checked instanceof Result.Failed) {
        SqliteFiles.deleteWithSidecars(partial);
        return checked;
      }
      Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return checked;
    } catch (SQLException | IOException e) {
      deleteQuietly(partial);
      return new Result.Failed(
          "backing up \"" + db + "\" to \"" + to + "\": " + e.getMessage() + "; nothing written");
    }
  }

  private static String refusal(Path db, Path to, boolean overwrite) {
    if (!Files.isRegularFile(db)) {
      return "no database at \"" + db + "\"; check DATABASE_URL";
    }
    for (String suffix : List.of("", "-wal", "-shm", "-journal", ".lock")) {
      if (to.equals(SqliteFiles.sibling(db, suffix))) {
        return "\"" + to + "\" is the database or one of its files; back up to another name";
      }
    }
    if (Files.isDirectory(to)) {
      return "\""
          + to
          + "\" is a directory; name the backup file, e.g. \""
          + to.resolve("agent-backup.db")
          + "\"";
    }
    if (Files.exists(to) && !overwrite) {
      return "\"" + to + "\" exists; pass --force to overwrite it";
    }
    if (to.getParent() == null || !Files.isDirectory(to.getParent())) {
      return "directory \"" + to.getParent() + "\" does not exist; create it first";
    }
    return null;
  }

  /**
   * Online backup in steps. A read transaction held across the steps pins one snapshot: the server
   * keeps committing to the WAL meanwhile, and the copy neither blocks it nor restarts because of
   * it.
   */
  private static void copy(Path db, Path partial, Progress progress)
      throws SQLException, IOException {
    try (Connection c = SqliteFiles.open(db)) {
      SqliteFiles.exec(c, "BEGIN");
      try {
        SqliteFiles.tables(c); // the first read opens the transaction's snapshot
        int rc =
            c.unwrap(SQLiteConnection.class)
                .getDatabase()
                .backup(
                    "main",
                    partial.toString(),
                    (remaining, pages) -> progress.update("backing up", pages - remaining, pages),
                    BUSY_RETRY_MS,
                    BUSY_RETRIES,
                    PAGES_PER_STEP);
        if (rc != 0) {
          throw new IOException("SQLite's backup stopped with code " + rc);
        }
      } finally {
        SqliteFiles.exec(c, "COMMIT");
      }
    }
  }

  private static Result check(Path partial, Path to) throws SQLException, IOException {
    try (Connection c = SqliteFiles.open(partial)) {
      // the copy's header still says WAL, as the source's did; one file is easier to carry around
      SqliteFiles.exec(c, "PRAGMA journal_mode=DELETE");
      List<String> problems = SqliteFiles.integrityProblems(c);
      if (!problems.isEmpty()) {
        return new Result.Failed(
            "the copy fails the integrity check, so the database itself is damaged: "
                + String.join("; ", problems)
                + "; nothing written (see the runbook on recovering a damaged database)");
      }
      OptionalInt version = SqliteFiles.schemaVersion(c);
      return new Result.Done(
          to,
          new DatabaseSummary(version.orElse(0), SqliteFiles.rowCounts(c), Files.size(partial)));
    }
  }

  private static void deleteQuietly(Path partial) {
    try {
      SqliteFiles.deleteWithSidecars(partial);
    } catch (IOException e) {
      // the .partial name already says it is not a backup
    }
  }
}
