package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.testing.TestClock;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseRestoreTest {
  @TempDir Path dir;
  final TestClock clock = TestClock.at("2026-03-14T12:00:00Z");
  Path live;
  Path backup;

  @BeforeEach
  void aBackupOfADatabaseHoldingOneMarker() {
    live = dir.resolve("agent_metrics.db");
    Path source = dir.resolve("source.db");
    try (Database db = Database.open("jdbc:sqlite:" + source)) {
      mark(db, "from-backup");
    }
    backup = dir.resolve("backup.db");
    assertThat(DatabaseBackup.run(source, backup, false, Progress.NONE))
        .isInstanceOf(DatabaseBackup.Result.Done.class);
  }

  static void mark(Database db, String marker) {
    db.write(
        c -> {
          SqliteFiles.exec(
              c,
              "INSERT INTO breakers(mission, installation_id, state, updated_at)"
                  + " VALUES ('"
                  + marker
                  + "', 0, 'CLOSED', 'x')");
          return null;
        });
  }

  static List<String> markers(Path file) throws Exception {
    try (Connection c = SqliteFiles.open(file);
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT mission FROM breakers ORDER BY mission")) {
      List<String> out = new java.util.ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  private DatabaseRestore.Result restore(Path from) {
    return DatabaseRestore.run(from, live, clock, Progress.NONE);
  }

  private static String refusal(DatabaseRestore.Result r) {
    assertThat(r).isInstanceOf(DatabaseRestore.Result.Refused.class);
    return ((DatabaseRestore.Result.Refused) r).message();
  }

  @Test
  void refusesWhileAServerHoldsTheLockAndSaysHowToStopIt() throws Exception {
    try (Database db = Database.open("jdbc:sqlite:" + live)) {
      mark(db, "current");
    }
    ServerLock lock = ServerLock.acquire(live);
    try {
      String message = refusal(restore(backup));
      long pid = ProcessHandle.current().pid();
      assertThat(message)
          .contains("a server (pid " + pid + ") is running on \"" + live + "\"")
          .contains("`kill -TERM " + pid + "`")
          .contains("systemctl stop")
          .contains("Ctrl-C");
    } finally {
      lock.close();
    }
    assertThat(markers(live)).containsExactly("current");
    assertThat(dir.resolve("agent_metrics.db.restoring")).doesNotExist();
  }

  @Test
  void keepsTheReplacedDatabaseAsideWithWhatOnlyItsWalHeld() throws Exception {
    // a server killed mid-flight: committed rows still in the -wal, not in the main file
    Path crashed = dir.resolve("crashed");
    Files.createDirectories(crashed);
    try (Database db = Database.open("jdbc:sqlite:" + live)) {
      mark(db, "committed-before-the-crash");
      Files.copy(live, crashed.resolve("agent_metrics.db"));
      Files.copy(dir.resolve("agent_metrics.db-wal"), crashed.resolve("agent_metrics.db-wal"));
    }
    live = crashed.resolve("agent_metrics.db");

    DatabaseRestore.Result result = restore(backup);

    assertThat(result).isInstanceOf(DatabaseRestore.Result.Restored.class);
    DatabaseRestore.Result.Restored restored = (DatabaseRestore.Result.Restored) result;
    Path aside = crashed.resolve("agent_metrics.db.replaced-20260314-120000");
    assertThat(restored.replacedBy()).contains(aside);
    assertThat(markers(aside)).containsExactly("committed-before-the-crash");
    assertThat(markers(live)).containsExactly("from-backup");
    assertThat(crashed.resolve("agent_metrics.db.restoring")).doesNotExist();
    assertThat(crashed.resolve("agent_metrics.db.lock")).doesNotExist();
    assertThat(restored.summary().schemaVersion()).isEqualTo(Migrations.latest());

    // a second restore in the same second keeps both earlier databases
    assertThat(restore(backup)).isInstanceOf(DatabaseRestore.Result.Restored.class);
    assertThat(crashed.resolve("agent_metrics.db.replaced-20260314-120000-2")).exists();
  }

  @Test
  void restoresWhereThereIsNoDatabaseYet() throws Exception {
    live = dir.resolve("fresh/agent_metrics.db");
    DatabaseRestore.Result result = restore(backup);
    assertThat(result).isInstanceOf(DatabaseRestore.Result.Restored.class);
    assertThat(((DatabaseRestore.Result.Restored) result).replacedBy()).isEmpty();
    assertThat(markers(live)).containsExactly("from-backup");
  }

  @Test
  void migratesAnOlderBackupForward() throws Exception {
    try (Connection c = SqliteFiles.open(backup)) {
      // undo the migrations after V3, as a backup taken by an older release would be
      SqliteFiles.exec(c, "DROP TRIGGER run_hours_insert");
      SqliteFiles.exec(c, "DROP TRIGGER run_hours_update");
      SqliteFiles.exec(c, "DROP TRIGGER run_hours_delete");
      SqliteFiles.exec(c, "DROP TABLE run_hours");
      SqliteFiles.exec(c, "ALTER TABLE deliveries DROP COLUMN first_failed_at");
      SqliteFiles.exec(c, "ALTER TABLE deliveries DROP COLUMN failed_attempts");
      SqliteFiles.exec(c, "ALTER TABLE deliveries DROP COLUMN next_attempt_at");
      SqliteFiles.exec(c, "DROP TABLE spend_reservations");
      SqliteFiles.exec(c, "DROP INDEX runs_mission_status");
      SqliteFiles.exec(c, "DROP INDEX runs_installation_updated");
      SqliteFiles.exec(c, "DROP INDEX breakers_state");
      SqliteFiles.exec(c, "DROP INDEX runs_payloads");
      SqliteFiles.exec(c, "DROP TABLE schedule_slots");
      SqliteFiles.exec(c, "DROP TABLE catchup_requests");
      SqliteFiles.exec(c, "DROP TABLE catchup_mark");
      SqliteFiles.exec(c, "DROP INDEX runs_not_before");
      SqliteFiles.exec(c, "ALTER TABLE runs DROP COLUMN not_before");
      SqliteFiles.exec(c, "DROP TABLE delivery_payloads");
      SqliteFiles.exec(c, "DROP TABLE delivery_runs");
      SqliteFiles.exec(c, "DROP TABLE run_links");
      SqliteFiles.exec(c, "DELETE FROM schema_version WHERE version > 3");
    }
    DatabaseRestore.Result result = restore(backup);
    DatabaseRestore.Result.Restored restored = (DatabaseRestore.Result.Restored) result;
    assertThat(restored.backupVersion()).isEqualTo(3);
    assertThat(restored.summary().schemaVersion()).isEqualTo(Migrations.latest());
    assertThat(restored.summary().rowCounts()).containsKey("run_links").containsKey("catchup_mark");
    assertThat(restored.summary().rowCounts())
        .containsKey("schedule_slots")
        .containsKey("spend_reservations")
        .containsKey("run_hours");
    try (Connection c = SqliteFiles.open(live);
        var s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT COUNT(next_attempt_at), SUM(failed_attempts), COUNT(first_failed_at)"
                    + " FROM deliveries")) {
      assertThat(rs.next()).as("V12's columns of deliveries").isTrue();
    }
  }

  @Test
  void refusesWhatIsNotAUsableBackupAndChangesNothing() throws Exception {
    try (Database db = Database.open("jdbc:sqlite:" + live)) {
      mark(db, "current");
    }
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "not a database");
    assertThat(refusal(restore(text))).contains("is not a SQLite database");
    assertThat(refusal(restore(dir.resolve("missing.db")))).startsWith("no backup at");

    Path foreign = dir.resolve("foreign.db");
    try (Connection c = SqliteFiles.open(foreign)) {
      SqliteFiles.exec(c, "CREATE TABLE t(x)");
    }
    assertThat(refusal(restore(foreign))).contains("not an agent database");

    Path newer = dir.resolve("newer.db");
    Files.copy(backup, newer);
    try (Connection c = SqliteFiles.open(newer)) {
      SqliteFiles.exec(
          c, "INSERT INTO schema_version(version, name, applied_at) VALUES (99, 'V99', 'x')");
    }
    assertThat(refusal(restore(newer)))
        .contains("has schema version 99, newer than this build's " + Migrations.latest());

    Path damaged = dir.resolve("damaged.db");
    Files.copy(backup, damaged);
    try (RandomAccessFile f = new RandomAccessFile(damaged.toFile(), "rw")) {
      long pageSize = 4096;
      for (long offset = pageSize; offset < f.length(); offset += pageSize) {
        f.seek(offset + 8); // past each b-tree page's header start: scramble its cells
        f.write(new byte[64]);
        f.seek(offset);
        f.write(new byte[] {(byte) 0x0d, 0, 0, 0, 7, 0x00, 0x10, 0});
      }
    }
    assertThat(refusal(restore(damaged))).containsAnyOf("integrity check", "cannot be read");

    assertThat(markers(live)).containsExactly("current");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.contains(".replaced-") || n.endsWith(".restoring"));
    }
  }
}
