package dev.orchestrator.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Plain SQLite files for the operator commands: a connection that neither migrates nor switches
 * journal modes, the file header, the integrity check, the schema version and row counts.
 */
final class SqliteFiles {
  /** The first 16 bytes of every SQLite 3 database file. */
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** The sidecar files SQLite keeps beside a database; they belong to it and move with it. */
  static final List<String> SIDECARS = List.of("-wal", "-shm", "-journal");

  private static final int BUSY_TIMEOUT_MS = 10_000;
  private static final int MAX_INTEGRITY_PROBLEMS = 10;

  private SqliteFiles() {}

  /** True when {@code file} starts with the SQLite 3 header. */
  static boolean hasHeader(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }
  }

  /** A connection to {@code file} as it is: no migration, no journal-mode change. */
  static Connection open(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** The problems {@code PRAGMA integrity_check} reports (at most ten); empty when it is ok. */
  static List<String> integrityProblems(Connection c) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check(" + MAX_INTEGRITY_PROBLEMS + ")")) {
      while (rs.next()) {
        String line = rs.getString(1);
        if (!"ok".equals(line)) {
          problems.add(line);
        }
      }
    }
    return problems;
  }

  /** The highest applied migration, or empty when the file has no {@code schema_version} table. */
  static OptionalInt schemaVersion(Connection c) throws SQLException {
    if (!tables(c).contains("schema_version")) {
      return OptionalInt.empty();
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.of(0);
    }
  }

  /** The tables (SQLite's own excluded), by name. */
  static List<String> tables(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /** Rows per table, by table name. */
  static Map<String, Long> rowCounts(Connection c) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables(c)) {
      // the name comes from sqlite_master; quoting keeps any name a single identifier
      String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
      try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM " + quoted);
          ResultSet rs = p.executeQuery()) {
        counts.put(table, rs.next() ? rs.getLong(1) : 0L);
      }
    }
    return counts;
  }

  /** Runs one statement that returns nothing worth reading (a pragma, BEGIN, COMMIT). */
  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** {@code file} with {@code suffix} appended to its name, for sidecars and companions. */
  static Path sibling(Path file, String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }

  /** Deletes {@code file} and its sidecars, if present. */
  static void deleteWithSidecars(Path file) throws IOException {
    Files.deleteIfExists(file);
    for (String suffix : SIDECARS) {
      Files.deleteIfExists(sibling(file, suffix));
    }
  }
}
