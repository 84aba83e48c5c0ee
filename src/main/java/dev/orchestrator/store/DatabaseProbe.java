package dev.orchestrator.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * For {@code agent doctor}: can the server use this database file? It is opened as it is (never
 * created, migrated or changed); writability is tested with {@code BEGIN IMMEDIATE} and {@code
 * ROLLBACK}, which take the write lock and write nothing.
 */
public final class DatabaseProbe {
  private DatabaseProbe() {}

  /** What the probe found. */
  public sealed interface Result {
    /**
     * Writable; {@code version} is its schema version (0 for an empty file), {@code latest} this
     * build's.
     */
    record Ready(Path file, int version, int latest) implements Result {}

    /** No database yet; {@code whyNot} is empty when the server could create it. */
    record Absent(Path file, Optional<String> whyNot) implements Result {}

    /** There is a file, and the server cannot use it; {@code reason} says why. */
    record Unusable(Path file, String reason) implements Result {}
  }

  /** Probes the database file {@code database}. */
  public static Result probe(Path database) {
    Path file = database.toAbsolutePath().normalize();
    try {
      if (Files.isDirectory(file)) {
        return new Result.Unusable(file, "is a directory, not a database file");
      }
      if (!Files.exists(file)) {
        return new Result.Absent(file, whyNotCreatable(file.getParent()));
      }
      if (Files.size(file) > 0 && !SqliteFiles.hasHeader(file)) {
        return new Result.Unusable(file, "is not a SQLite database");
      }
    } catch (IOException e) {
      return new Result.Unusable(file, "cannot be read: " + e.getMessage());
    }
    try (Connection c = SqliteFiles.open(file)) {
      try {
        SqliteFiles.exec(c, "BEGIN IMMEDIATE");
        SqliteFiles.exec(c, "ROLLBACK");
      } catch (SQLException e) {
        return new Result.Unusable(
            file,
            "is not writable ("
                + e.getMessage()
                + "); the server needs to write it and to create \""
                + file.getFileName()
                + "-wal\" and \""
                + file.getFileName()
                + "-shm\" beside it");
      }
      OptionalInt version = SqliteFiles.schemaVersion(c);
      if (version.isEmpty() && !SqliteFiles.tables(c).isEmpty()) {
        return new Result.Unusable(file, "is not an agent database (no schema_version table)");
      }
      return new Result.Ready(file, version.orElse(0), Migrations.latest());
    } catch (SQLException e) {
      return new Result.Unusable(file, "cannot be opened: " + e.getMessage());
    }
  }

  /** Empty when a file could be created under {@code dir} (made first if missing). */
  private static Optional<String> whyNotCreatable(Path dir) {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return Optional.of("none of \"" + dir + "\" exists");
    }
    if (!Files.isDirectory(existing)) {
      return Optional.of("\"" + existing + "\" is a file, not a directory");
    }
    if (!Files.isWritable(existing)) {
      return Optional.of("directory \"" + existing + "\" is not writable");
    }
    return Optional.empty();
  }
}
