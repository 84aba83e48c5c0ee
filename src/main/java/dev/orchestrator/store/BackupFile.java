package dev.orchestrator.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalInt;

/**
 * Is a file a backup {@code agent restore} may put in place? A SQLite file, intact ({@code PRAGMA
 * integrity_check}), holding our {@code schema_version} at a version this build can migrate from.
 */
final class BackupFile {
  private BackupFile() {}

  /** The outcome of checking the copied backup. */
  sealed interface Checked {
    record Usable(int version) implements Checked {}

    record Unusable(String message) implements Checked {}
  }

  /** Why {@code from} cannot be a backup of {@code db} at all, or null. */
  static String unusable(Path from, Path db) {
    if (!Files.isRegularFile(from)) {
      return "no backup at \"" + from + "\"";
    }
    if (from.equals(db)) {
      return "\"" + from + "\" is the database itself; name a backup file";
    }
    try {
      if (!SqliteFiles.hasHeader(from)) {
        return "\""
            + from
            + "\" is not a SQLite database (it lacks the \"SQLite format 3\" header)";
      }
    } catch (IOException e) {
      return "reading \"" + from + "\": " + e.getMessage();
    }
    return null;
  }

  /** The backup's schema version, or why it cannot be restored. */
  static Checked check(Path staging, Path from) {
    try (Connection c = SqliteFiles.open(staging)) {
      // folds a copied -wal into the file, which then stands alone until Database.open
      SqliteFiles.exec(c, "PRAGMA journal_mode=DELETE");
      List<String> problems = SqliteFiles.integrityProblems(c);
      if (!problems.isEmpty()) {
        return new Checked.Unusable(
            "\""
                + from
                + "\" fails the integrity check ("
                + String.join("; ", problems)
                + "); restore another backup");
      }
      OptionalInt version = SqliteFiles.schemaVersion(c);
      if (version.isEmpty()) {
        return new Checked.Unusable(
            "\"" + from + "\" is not an agent database (it has no schema_version table)");
      }
      int latest = Migrations.latest();
      if (version.getAsInt() > latest) {
        return new Checked.Unusable(
            "\""
                + from
                + "\" has schema version "
                + version.getAsInt()
                + ", newer than this build's "
                + latest
                + "; restore it with the agent version that wrote it");
      }
      return new Checked.Usable(version.getAsInt());
    } catch (SQLException e) {
      return new Checked.Unusable(
          "\"" + from + "\" cannot be read as a database: " + e.getMessage());
    }
  }
}
