package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.testing.BulkRows;
import dev.orchestrator.testing.TestClock;
import dev.orchestrator.webhook.Delivery;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrunerTest {
  static final int ROWS = 20_000;
  static final Duration SPAN = Duration.ofDays(60);

  @TempDir Path dir;
  final TestClock clock = TestClock.at("2026-03-14T12:00:00Z");

  private Database open(String name) {
    return Database.open("jdbc:sqlite:" + dir.resolve(name));
  }

  private static void exec(Database db, String sql) {
    db.write(
        c -> {
          SqliteFiles.exec(c, sql);
          return null;
        });
  }

  private String ago(Duration d) {
    return Timestamps.format(clock.instant().minus(d));
  }

  @Test
  void removesOldTranscriptsPayloadsAndDispatchedDeliveriesAndKeepsMetricsAndIds() {
    try (Database db = open("a.db")) {
      BulkRows.insert(db, ROWS, clock.instant(), SPAN);
      String horizon = ago(Duration.ofDays(30));
      // an old run still waiting, an old delivery never dispatched, a delivery GitHub may resend
      exec(
          db,
          "INSERT INTO runs(id, mission, planner, trigger, status, event, created_at, updated_at)"
              + " VALUES (900001, 'triage', 'deterministic', 'event', 'QUEUED', '{\"e\":1}', '"
              + ago(Duration.ofDays(40))
              + "', '"
              + ago(Duration.ofDays(40))
              + "')");
      exec(
          db,
          "INSERT INTO deliveries(delivery_id, event, payload, received_at)"
              + " VALUES ('stuck', 'issues', '{\"p\":1}', '"
              + ago(Duration.ofDays(45))
              + "')");
      long old =
          BulkRows.count(db, "SELECT COUNT(*) FROM runs WHERE finished_at < '" + horizon + "'");
      long recent = ROWS - old;
      assertThat(old).isBetween(9_900L, 10_100L);

      PruneReport report = new Pruner(db, clock).prune(Duration.ofDays(30), Progress.NONE);

      assertThat(report.horizon()).isEqualTo(clock.instant().minus(Duration.ofDays(30)));
      assertThat(report.transcriptsDeleted()).isEqualTo(old);
      assertThat(report.runPayloadsCleared()).isEqualTo(old);
      assertThat(report.deliveriesDeleted()).isEqualTo(old);
      assertThat(BulkRows.count(db, "SELECT COUNT(*) FROM transcripts")).isEqualTo(recent);
      assertThat(
              BulkRows.count(
                  db,
                  "SELECT COUNT(*) FROM transcripts t JOIN runs r ON r.id = t.run_id"
                      + " WHERE r.finished_at < '"
                      + horizon
                      + "'"))
          .isZero();
      // every run row stays, for metrics and for its idempotency key
      assertThat(BulkRows.count(db, "SELECT COUNT(*) FROM runs")).isEqualTo(ROWS + 1);
      assertThat(BulkRows.count(db, "SELECT COUNT(*) FROM mission_metrics")).isEqualTo(ROWS + 1);
      assertThat(BulkRows.count(db, "SELECT COUNT(*) FROM runs WHERE idempotency_key IS NOT NULL"))
          .isEqualTo(ROWS);
      assertThat(
              BulkRows.count(
                  db,
                  "SELECT COUNT(*) FROM runs WHERE event IS NULL AND finished_at < '"
                      + horizon
                      + "'"))
          .isEqualTo(old);
      assertThat(BulkRows.count(db, "SELECT COUNT(*) FROM runs WHERE event IS NOT NULL"))
          .isEqualTo(recent + 1);
      assertThat(
              BulkRows.count(
                  db, "SELECT COUNT(*) FROM runs WHERE id = 900001 AND event IS NOT NULL"))
          .isEqualTo(1);
      assertThat(BulkRows.count(db, "SELECT COUNT(*) FROM deliveries")).isEqualTo(recent + 1);
      assertThat(
              BulkRows.count(
                  db,
                  "SELECT COUNT(*) FROM deliveries WHERE delivery_id = 'stuck' AND payload IS NOT NULL"))
          .isEqualTo(1);
      assertThat(BulkRows.count(db, "PRAGMA freelist_count")).isZero();
      assertThat(report.vacuumAvailable()).isTrue();
      assertThat(report.pagesFreed()).isPositive();
      System.out.printf(
          "prune of %d rows: file %d -> %d bytes, %d pages freed, longest lock %d ms%n",
          ROWS,
          report.bytesBefore(),
          report.bytesAfter(),
          report.pagesFreed(),
          report.longestLock().toMillis());
    }
  }

  @Test
  void keepsDeliveryIdsForAtLeastFourDays() {
    try (Database db = open("b.db")) {
      BulkRows.insert(db, 100, clock.instant(), Duration.ofDays(10)); // one every 2.4 hours
      long olderThanFourDays =
          BulkRows.count(
              db,
              "SELECT COUNT(*) FROM deliveries WHERE received_at < '"
                  + ago(Duration.ofDays(4))
                  + "'");

      PruneReport report = new Pruner(db, clock).prune(Duration.ofDays(4), Progress.NONE);

      assertThat(report.deliveriesDeleted()).isEqualTo(olderThanFourDays);
      assertThat(
              BulkRows.count(
                  db,
                  "SELECT COUNT(*) FROM deliveries WHERE received_at < '"
                      + ago(Duration.ofDays(4))
                      + "'"))
          .isZero();
      assertThat(BulkRows.count(db, "SELECT COUNT(*) FROM deliveries"))
          .isEqualTo(100 - olderThanFourDays);
    }
    try (Database db = open("c.db")) {
      assertThatThrownBy(() -> new Pruner(db, clock).prune(Duration.ofDays(3), Progress.NONE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("under the minimum");
    }
  }

  @Test
  void theIntakeKeepsCommittingWhileAnotherProcessPrunes() throws Exception {
    // two Database instances on one file: the server's, and the one `agent prune` opens
    try (Database server = open("d.db");
        Database cli = open("d.db");
        SqliteDeliveryStore intake = new SqliteDeliveryStore(server)) {
      BulkRows.insert(server, ROWS, clock.instant(), SPAN);
      Latencies latencies =
          intakeWhile(
              intake, () -> new Pruner(cli, clock).prune(Duration.ofDays(30), Progress.NONE));
      latencies.print("intake while `agent prune` runs in another process");
      assertThat(latencies.failures).isEmpty();
      assertThat(
              BulkRows.count(
                  server, "SELECT COUNT(*) FROM deliveries WHERE delivery_id LIKE 'live-%'"))
          .isEqualTo(latencies.samples.size());
    }
  }

  @Test
  void theIntakeKeepsCommittingWhileTheServerPrunesItself() throws Exception {
    try (Database server = open("e.db");
        SqliteDeliveryStore intake = new SqliteDeliveryStore(server)) {
      BulkRows.insert(server, ROWS, clock.instant(), SPAN);
      Latencies latencies =
          intakeWhile(intake, () -> new Pruner(server, clock).prune(Duration.ofDays(30)));
      latencies.print("intake while the server's own daily prune runs");
      assertThat(latencies.failures).isEmpty();
      assertThat(
              BulkRows.count(
                  server, "SELECT COUNT(*) FROM deliveries WHERE delivery_id LIKE 'live-%'"))
          .isEqualTo(latencies.samples.size());
    }
  }

  /** Store latencies (ms) of deliveries stored one after another while {@code work} runs. */
  static final class Latencies {
    final List<Double> samples = new ArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    PruneReport report;

    void print(String what) {
      List<Double> sorted = new ArrayList<>(samples);
      Collections.sort(sorted);
      double p99 =
          sorted.isEmpty()
              ? 0
              : sorted.get((int) Math.floor(sorted.size() * 0.99) - (sorted.size() >= 100 ? 0 : 0));
      System.out.printf(
          "%s: %d deliveries stored, median %.1f ms, p99 %.1f ms, max %.1f ms;"
              + " pruner's longest lock %d ms%n",
          what,
          sorted.size(),
          sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2),
          p99,
          sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
          report.longestLock().toMillis());
    }
  }

  private Latencies intakeWhile(
      SqliteDeliveryStore intake, java.util.function.Supplier<PruneReport> work)
      throws InterruptedException {
    Latencies latencies = new Latencies();
    AtomicBoolean done = new AtomicBoolean();
    Thread writer =
        new Thread(
            () -> {
              int i = 0;
              while (!done.get()) {
                Delivery d =
                    new Delivery(
                        "live-" + i++,
                        "issues",
                        Optional.of("opened"),
                        Optional.of(1L),
                        Optional.of("octo/repo"),
                        Optional.empty(),
                        BulkRows.PAYLOAD,
                        Instant.now());
                long start = System.nanoTime();
                try {
                  intake.store(d);
                  latencies.samples.add((System.nanoTime() - start) / 1e6);
                } catch (RuntimeException e) {
                  latencies.failures.add(e);
                }
              }
            });
    writer.start();
    try {
      latencies.report = work.get();
    } finally {
      done.set(true);
      writer.join();
    }
    return latencies;
  }
}
