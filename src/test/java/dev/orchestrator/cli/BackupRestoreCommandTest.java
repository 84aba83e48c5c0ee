package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.store.Database;
import dev.orchestrator.store.ServerLock;
import dev.orchestrator.testing.BulkRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreCommandTest {
  @TempDir Path dir;
  Cli cli;
  Path backup;

  @BeforeEach
  void aDatabaseWithRows() {
    cli = new Cli(dir);
    backup = dir.resolve("backups/agent-2026-03-14.db");
    try (Database db = cli.openDatabase()) {
      BulkRows.insert(db, 25, cli.clock.instant(), Duration.ofDays(2));
    }
  }

  @Test
  void backupPrintsWhereItWroteTheCheckAndTheRowsPerTable() throws Exception {
    Files.createDirectories(backup.getParent());
    Cli.Result r = cli.run("backup", "--to", backup.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty(); // no progress line when not at a terminal
    assertThat(r.out().lines().toList())
        .first()
        .asString()
        .startsWith("backed up \"" + cli.database + "\" to \"" + backup + "\" (")
        .endsWith(" KiB, schema version " + Database.latestSchemaVersion() + ")");
    assertThat(r.out())
        .contains("integrity check: ok\nrows per table:\n")
        .contains(
            "  breakers             0\n"
                + "  catchup_mark         0\n"
                + "  catchup_requests     0\n"
                + "  deliveries          25\n"
                + "  delivery_payloads    0\n"
                + "  delivery_runs        0\n"
                + "  queue_served         0\n"
                + "  run_hours           25\n" // 25 runs, each alone in its hour
                + "  run_links            0\n"
                + "  runs                25\n"
                + "  schedule_slots       0\n"
                + "  schema_version      "
                + Database.latestSchemaVersion()
                + "\n"
                + "  spend_reservations   0\n"
                + "  transcripts         25\n");
  }

  @Test
  void backupRefusesAnExistingFileWithoutForce() throws Exception {
    Files.createDirectories(backup.getParent());
    Files.writeString(backup, "keep me");
    Cli.Result r = cli.run("backup", "--to", backup.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("backup failed: \"" + backup + "\" exists; pass --force to overwrite it\n");
    assertThat(Files.readString(backup)).isEqualTo("keep me");
    assertThat(cli.run("backup", "--to", backup.toString(), "--force").exit()).isZero();
  }

  @Test
  void backupNeedsTo() {
    Cli.Result r = cli.run("backup");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required option: '--to=FILE'");
  }

  @Test
  void restoreRefusesWhileAServerRunsAndSaysHowToStopIt() throws Exception {
    Files.createDirectories(backup.getParent());
    assertThat(cli.run("backup", "--to", backup.toString()).exit()).isZero();
    ServerLock lock = ServerLock.acquire(cli.database);
    try {
      Cli.Result r = cli.run("restore", "--from", backup.toString());
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err())
          .startsWith("restore refused: a server (pid " + ProcessHandle.current().pid() + ")")
          .contains("`kill -TERM ")
          .contains("`systemctl stop <its unit>`")
          .contains("Ctrl-C");
      assertThat(r.out()).isEmpty();
    } finally {
      lock.close();
    }
  }

  @Test
  void restorePutsTheBackupInPlaceAndSaysWhereTheOldDatabaseWent() throws Exception {
    Files.createDirectories(backup.getParent());
    assertThat(cli.run("backup", "--to", backup.toString()).exit()).isZero();
    try (Database db = cli.openDatabase()) {
      db.write(
          c -> {
            try (var s = c.createStatement()) {
              s.execute("DELETE FROM runs"); // what the backup should bring back
            }
            return null;
          });
    }

    Cli.Result r = cli.run("restore", "--from", backup.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    Path aside = dir.resolve("agent_metrics.db.replaced-20260314-120000");
    assertThat(r.out())
        .startsWith(
            "restored \""
                + backup
                + "\" (schema version "
                + Database.latestSchemaVersion()
                + ") into \""
                + cli.database
                + "\"\nthe replaced database is kept at \""
                + aside
                + "\"\nrows per table:\n")
        .contains("  runs                25\n")
        .endsWith("start the server again with `agent serve`\n");
    assertThat(aside).exists();
    try (Database db = cli.openDatabase()) {
      assertThat(BulkRows.count(db, "SELECT COUNT(*) FROM runs")).isEqualTo(25);
    }
  }

  @Test
  void restoreRefusesAFileThatIsNotABackup() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
    Cli.Result r = cli.run("restore", "--from", text.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "restore refused: \""
                + text
                + "\" is not a SQLite database (it lacks the \"SQLite format 3\" header)\n");
  }
}
