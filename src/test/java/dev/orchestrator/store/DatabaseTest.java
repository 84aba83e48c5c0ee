package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path dir;

  private String pragma(Database db, String name) {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : null;
          }
        });
  }

  @Test
  void opensInWalModeWithFullSyncAndIncrementalVacuum() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"))) {
      assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(db, "synchronous")).isEqualTo("2"); // FULL
      assertThat(pragma(db, "auto_vacuum")).isEqualTo("2"); // INCREMENTAL
      assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
    }
  }

  @Test
  void everyConnectionWaitsTheBusyTimeoutItWasOpenedWith() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"))) {
      assertThat(db.pragmas()).containsEntry("busy_timeout", "10000");
      assertThat(pragma(db, "busy_timeout")).isEqualTo("10000");
    }
    try (Database db =
        Database.open("jdbc:sqlite:" + dir.resolve("t.db"), Duration.ofMillis(1500))) {
      assertThat(db.pragmas()).as("the writer").containsEntry("busy_timeout", "1500");
      assertThat(pragma(db, "busy_timeout")).as("a reader").isEqualTo("1500");
    }
    assertThatThrownBy(() -> Database.open("jdbc:sqlite:" + dir.resolve("t.db"), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("busy timeout");
  }

  @Test
  void migrationsRunOnceAndReopeningIsHarmless() {
    String url = "jdbc:sqlite:" + dir.resolve("nested/dir/b.db");
    try (Database db = Database.open(url)) {
      assertThat(version(db)).isEqualTo(Migrations.latest());
    }
    try (Database db = Database.open(url)) {
      assertThat(version(db)).isEqualTo(Migrations.latest());
      int rows =
          db.<Integer>read(
              c -> {
                try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_version")) {
                  rs.next();
                  return rs.getInt(1);
                }
              });
      assertThat(rows).isEqualTo(Migrations.latest());
    }
  }

  @Test
  void aFailedWriteRollsBackEverything() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("c.db"))) {
      assertThatThrownBy(
              () ->
                  db.write(
                      c -> {
                        try (Statement s = c.createStatement()) {
                          s.execute(
                              "INSERT INTO breakers(mission, installation_id, state, updated_at)"
                                  + " VALUES ('m', 1, 'CLOSED', 'x')");
                          s.execute("INSERT INTO no_such_table VALUES (1)");
                        }
                        return null;
                      }))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("writing to \"c.db\"");
      int rows =
          db.read(
              c -> {
                try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM breakers")) {
                  rs.next();
                  return rs.getInt(1);
                }
              });
      assertThat(rows).isZero();
    }
  }

  @Test
  void aNewDatabaseIsMigratedInOneTransaction() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("d.db"))) {
      // one transaction, one commit: every version row carries the same time
      int times =
          db.read(
              c -> {
                try (Statement s = c.createStatement();
                    ResultSet rs =
                        s.executeQuery("SELECT COUNT(DISTINCT applied_at) FROM schema_version")) {
                  rs.next();
                  return rs.getInt(1);
                }
              });
      assertThat(times).isEqualTo(1);
    }
  }

  @Test
  void openingAMigratedDatabaseWritesNothing() throws Exception {
    Path file = dir.resolve("e.db");
    Database.open("jdbc:sqlite:" + file).close();
    // another process in the middle of a write: a migrated database opens beside it, where a
    // write would wait out the busy timeout and fail
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try (Database db = Database.open("jdbc:sqlite:" + file)) {
        assertThat(version(db)).isEqualTo(Migrations.latest());
      }
      s.execute("ROLLBACK");
    }
  }

  @Test
  void refusesOtherDatabases() {
    assertThatThrownBy(() -> Database.open("jdbc:postgresql://h/d"))
        .hasMessageContaining("only jdbc:sqlite: is supported");
  }

  @Test
  void splitsScriptsOnLineEndingSemicolons() {
    assertThat(
            Migrations.statements(
                "-- c\nCREATE TABLE a (x TEXT DEFAULT ';');\n\nCREATE VIEW v AS\n  SELECT 1;\n"))
        .containsExactly("CREATE TABLE a (x TEXT DEFAULT ';')", "CREATE VIEW v AS\n  SELECT 1");
  }

  @Test
  void aTriggerIsOneStatementWithItsBody() {
    assertThat(
            Migrations.statements(
                "CREATE TABLE a (x);\nCREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n"
                    + "  UPDATE a SET x = 1;\n  DELETE FROM a;\nEND;\nCREATE INDEX i ON a(x);\n"))
        .containsExactly(
            "CREATE TABLE a (x)",
            "CREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n  UPDATE a SET x = 1;\n  DELETE FROM a;\nEND",
            "CREATE INDEX i ON a(x)");
  }

  private static int version(Database db) {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }
}
