package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.BulkRows;
import dev.orchestrator.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseBackupTest {
  static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");

  @TempDir Path dir;

  private Path live() {
    return dir.resolve("agent_metrics.db");
  }

  @Test
  void aBackupTakenWhileRunsAreWrittenIsConsistentAndRestoresWithTheSameCounts() throws Exception {
    Path target = dir.resolve("backup.db");
    List<Long> steps = new CopyOnWriteArrayList<>();
    AtomicLong written = new AtomicLong();
    DatabaseBackup.Result result;
    long runsBefore;
    try (Database db = Database.open("jdbc:sqlite:" + live())) {
      BulkRows.insert(db, 4_000, NOW, Duration.ofDays(10)); // ~18 MB: many backup steps
      runsBefore = BulkRows.count(db, "SELECT COUNT(*) FROM runs");
      SqliteRunStore runs = new SqliteRunStore(db);
      AtomicBoolean stop = new AtomicBoolean();
      List<Throwable> errors = new CopyOnWriteArrayList<>();
      Thread writer =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    runs.create(
                        NewRun.offline("triage", "deterministic", false, "{}", Optional.of("{}")),
                        NOW);
                    written.incrementAndGet();
                  }
                } catch (RuntimeException e) {
                  errors.add(e);
                }
              });
      writer.start();
      Await.until("the writer to be writing", () -> written.get() >= 5);
      long atStart = written.get();
      result =
          DatabaseBackup.run(
              live(),
              target,
              false,
              (phase, done, total) -> {
                if (phase.equals("backing up")) {
                  steps.add(done);
                }
              });
      long atEnd = written.get();
      stop.set(true);
      writer.join();
      assertThat(errors).isEmpty();
      System.out.printf(
          "backup: %d steps while %d runs were written during it%n", steps.size(), atEnd - atStart);
    }
    assertThat(result).isInstanceOf(DatabaseBackup.Result.Done.class);
    DatabaseSummary summary = ((DatabaseBackup.Result.Done) result).summary();
    assertThat(steps.size()).isGreaterThan(2);
    // the held snapshot means the concurrent commits never restart the copy from page one
    assertThat(steps).isSorted();
    assertThat(summary.schemaVersion()).isEqualTo(Migrations.latest());
    long backedUpRuns = summary.rowCounts().get("runs");
    assertThat(backedUpRuns).isBetween(runsBefore, runsBefore + written.get());
    assertThat(summary.rowCounts().get("transcripts")).isEqualTo(4_000);

    try (Connection c = SqliteFiles.open(target)) {
      assertThat(SqliteFiles.integrityProblems(c)).isEmpty();
      assertThat(SqliteFiles.rowCounts(c)).isEqualTo(summary.rowCounts());
      try (var s = c.createStatement();
          var rs = s.executeQuery("PRAGMA journal_mode")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("delete"); // one self-contained file
      }
    }
    assertThat(dir.resolve("backup.db.partial")).doesNotExist();
    assertThat(dir.resolve("backup.db-wal")).doesNotExist();

    DatabaseRestore.Result restored =
        DatabaseRestore.run(target, live(), TestClock.fixed(), Progress.NONE);
    assertThat(restored).isInstanceOf(DatabaseRestore.Result.Restored.class);
    try (Database db = Database.open("jdbc:sqlite:" + live())) {
      Map<String, Long> counts = db.read(SqliteFiles::rowCounts);
      assertThat(counts).isEqualTo(summary.rowCounts());
    }
  }

  @Test
  void anExistingFileIsOverwrittenOnlyWithForce() throws Exception {
    try (Database db = Database.open("jdbc:sqlite:" + live())) {
      BulkRows.insert(db, 10, NOW, Duration.ofDays(1));
    }
    Path target = dir.resolve("backup.db");
    Files.writeString(target, "an older backup");
    DatabaseBackup.Result refused = DatabaseBackup.run(live(), target, false, Progress.NONE);
    assertThat(refused).isInstanceOf(DatabaseBackup.Result.Failed.class);
    assertThat(((DatabaseBackup.Result.Failed) refused).message())
        .contains("exists; pass --force to overwrite it");
    assertThat(Files.readString(target)).isEqualTo("an older backup");

    DatabaseBackup.Result forced = DatabaseBackup.run(live(), target, true, Progress.NONE);
    assertThat(forced).isInstanceOf(DatabaseBackup.Result.Done.class);
    assertThat(SqliteFiles.hasHeader(target)).isTrue();
  }

  @Test
  void refusesTheDatabaseItsFilesAMissingDirectoryAndAMissingDatabase() {
    try (Database db = Database.open("jdbc:sqlite:" + live())) {
      db.read(c -> null);
    }
    assertThat(message(DatabaseBackup.run(live(), live(), true, Progress.NONE)))
        .contains("is the database or one of its files");
    assertThat(
            message(
                DatabaseBackup.run(
                    live(), dir.resolve("agent_metrics.db-wal"), true, Progress.NONE)))
        .contains("is the database or one of its files");
    assertThat(
            message(
                DatabaseBackup.run(live(), dir.resolve("no/such/dir/b.db"), false, Progress.NONE)))
        .contains("does not exist; create it first");
    assertThat(
            message(
                DatabaseBackup.run(
                    dir.resolve("none.db"), dir.resolve("b.db"), false, Progress.NONE)))
        .startsWith("no database at");
    assertThat(dir.resolve("b.db")).doesNotExist();
  }

  private static String message(DatabaseBackup.Result r) {
    assertThat(r).isInstanceOf(DatabaseBackup.Result.Failed.class);
    return ((DatabaseBackup.Result.Failed) r).message();
  }
}
