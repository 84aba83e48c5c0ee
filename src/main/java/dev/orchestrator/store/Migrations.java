package dev.orchestrator.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Versioned schema migrations, applied in order at start-up, all pending ones in one transaction. A
 * new migration is a new file under {@code db/migration/} added at the end of {@link #FILES};
 * applied files are never edited.
 */
final class Migrations {
  static final List<String> FILES =
      List.of(
          "V1__runs.sql",
          "V2__deliveries.sql",
          "V3__queue.sql",
          "V4__run_links.sql",
          "V5__delivery_runs.sql",
          "V6__delivery_payloads.sql",
          "V7__run_not_before.sql",
          "V8__catchup.sql",
          "V9__schedule_slots.sql",
          "V10__history_indexes.sql",
          "V11__spend_reservations.sql",
          "V12__delivery_retries.sql",
          "V13__run_hours.sql");

  private Migrations() {}

  static void apply(Database db) {
    // a read first: a database already at this build's version (every command but the first on a
    // new file) is not written to at all, and a read-only command never waits for a writer
    if (version(db) >= FILES.size()) {
      return;
    }
    db.write(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
          }
          // read again under BEGIN IMMEDIATE: another process (a second `agent run-due` on a new
          // database) may have migrated since the read above
          int current;
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            current = rs.next() ? rs.getInt(1) : 0;
          }
          // every pending migration in this one transaction: one commit (one fsync) for a new
          // database instead of one per file, and a crash leaves the schema where it was
          String now = Timestamps.format(java.time.Instant.now());
          for (int i = current; i < FILES.size(); i++) {
            String name = FILES.get(i);
            try (Statement s = c.createStatement()) {
              for (String sql : statements(load(name))) {
                s.execute(sql);
              }
            }
            try (PreparedStatement p =
                c.prepareStatement(
                    "INSERT INTO schema_version(version, name, applied_at) VALUES (?, ?, ?)")) {
              p.setInt(1, i + 1);
              p.setString(2, name);
              p.setString(3, now);
              p.executeUpdate();
            }
          }
          return null;
        });
  }

  /** The schema version of {@code db}: 0 for a new file. */
  private static int version(Database db) {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet table =
                  s.executeQuery(
                      "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
            if (!table.next()) {
              return 0;
            }
          }
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
          }
        });
  }

  /** The latest version this build knows. */
  static int latest() {
    return FILES.size();
  }

  private static String load(String name) {
    try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + name)) {
      if (in == null) {
        throw new StoreException("migration \"" + name + "\" is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("reading migration \"" + name + "\": " + e.getMessage(), e);
    }
  }

  /**
   * Splits a script on semicolons that end a line, dropping {@code --} comment lines; a {@code
   * CREATE TRIGGER} runs to its line {@code END;}, its body's statements included.
   */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      boolean trigger =
          current.toString().stripLeading().toUpperCase(Locale.ROOT).startsWith("CREATE TRIGGER");
      if (trigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }
}
