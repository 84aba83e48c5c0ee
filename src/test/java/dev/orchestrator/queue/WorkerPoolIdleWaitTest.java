package dev.orchestrator.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.runtime.RunFinish;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.SqliteMissionQueue;
import dev.orchestrator.store.SqliteRunStore;
import dev.orchestrator.testing.MutableClock;
import dev.orchestrator.testing.QueuedRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An idle worker wakes by itself at the earliest "not before" instant of a deferred run. */
class WorkerPoolIdleWaitTest {
  private static final Duration LEASE = Duration.ofMinutes(1);

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
  private Database db;
  private SqliteMissionQueue queue;
  private WorkerPool pool;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("q.db"));
    queue = new SqliteMissionQueue(db, 10, 100);
    // never started: only its arithmetic is under test
    pool = new WorkerPool(queue, run -> {}, 1, LEASE, 3, clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void deferUntil(Instant notBefore) {
    queue.offer(QueuedRun.of("m", 1, 1), clock.instant());
    long id = queue.claim("w", LEASE, clock.instant()).orElseThrow().id();
    new SqliteRunStore(db).defer(id, notBefore, RunFinish.ok(0), clock.instant());
  }

  @Test
  void withNothingWaitingAnIdleWorkerRechecksEveryTwoSeconds() {
    assertThat(pool.idleWaitMillis(clock.instant())).isEqualTo(2_000);
  }

  @Test
  void aRunDueBeforeTheRecheckWakesTheWorkerWhenItIsDue() {
    deferUntil(clock.instant().plus(Duration.ofHours(1)));
    assertThat(pool.idleWaitMillis(clock.instant())).isEqualTo(2_000);

    deferUntil(clock.instant().plusMillis(700));
    assertThat(pool.idleWaitMillis(clock.instant())).isEqualTo(701);

    clock.advance(Duration.ofMillis(700));
    assertThat(pool.idleWaitMillis(clock.instant()))
        .as("the due run is claimable; the other still waits an hour")
        .isEqualTo(2_000);
  }
}
