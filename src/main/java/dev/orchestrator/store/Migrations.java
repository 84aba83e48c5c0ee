package dev.orchestrator.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema migrations, applied in order at start-up, each in its own transaction. A new
 * migration is a new file under {@code db/migration/} added at the end of {@link #FILES}; applied
 * files are never edited.
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
          "V12__delivery_retries.sql");

  private Migrations() {}

  static void apply(Database db) {
    db.write(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
          }
          return null;
        });
    int current =
        db.read(
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs =
                      s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
              }
            });
    for (int i = current; i < FILES.size(); i++) {
      int version = i + 1;
      String name = FILES.get(i);
      List<String> statements = statements(load(name));
      db.write(
          c -> {
            // another process (a second `agent run-due` on a new database) may have applied it
            // since the version was read; BEGIN IMMEDIATE makes this check and the change one step
            try (Statement s = c.createStatement();
                ResultSet rs =
                    s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
              if (rs.next() && rs.getInt(1) >= version) {
                return null;
              }
            }
            try (Statement s = c.createStatement()) {
              for (String sql : statements) {
                s.execute(sql);
              }
            }
            try (PreparedStatement p =
                c.prepareStatement(
                    "INSERT INTO schema_version(version, name, applied_at) VALUES (?, ?, ?)")) {
              p.setInt(1, version);
              p.setString(2, name);
              p.setString(3, Timestamps.format(java.time.Instant.now()));
              p.executeUpdate();
            }
            return null;
          });
    }
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

  /** Splits a script on semicolons that end a line, dropping {@code --} comment lines. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
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
