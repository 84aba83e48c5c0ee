package dev.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.mission.MissionCatalog;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.SqliteMissionQueue;
import dev.orchestrator.store.SqliteRunStore;
import dev.orchestrator.store.SqliteSlotStore;
import dev.orchestrator.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's scheduler over a real database, driven by a clock moved by hand. */
class SchedulerTest {
  @TempDir Path dir;
  private final MutableClock clock = MutableClock.at("2026-11-27T10:17:00Z");
  private final MissionCatalog missions = DueSlotsTest.catalog(DueSlotsTest.HOURLY);
  private final AtomicInteger wakes = new AtomicInteger();
  private Database db;

  @BeforeEach
  void open() {
    db = Database.open(url());
  }

  @AfterEach
  void close() {
    db.close();
  }

  private String url() {
    return "jdbc:sqlite:" + dir.resolve("agent.db");
  }

  private Scheduler scheduler(Database on, int capacity) {
    SqliteMissionQueue queue = new SqliteMissionQueue(on, capacity, 10_000);
    return new Scheduler(
        missions,
        new SqliteSlotStore(on, queue, Scheduler.TAKER),
        this::installationOf,
        clock,
        wakes::incrementAndGet);
  }

  /** The App's installation of each repository asked for; all under one unless a test says. */
  private final List<String> askedFor = new java.util.ArrayList<>();

  private java.util.function.ToLongFunction<String> installations = repository -> 7;

  private long installationOf(String repository) {
    askedFor.add(repository);
    return installations.applyAsLong(repository);
  }

  private List<RunRecord> runs() {
    return new SqliteRunStore(db).recent(100, Optional.empty());
  }

  @Test
  void eachSlotIsQueuedOnceAtTheMissionsPriority() {
    Scheduler s = scheduler(db, 100);

    assertThat(s.tick()).isEqualTo(2); // octo/a and octo/b at 10:00
    assertThat(s.tick()).isZero();
    clock.advance(Duration.ofMinutes(20)); // 10:37: octo/b's 10:30 slot
    assertThat(s.tick()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(23)); // 11:00: octo/a's slot; octo/b's 11:00 too
    assertThat(s.tick()).isEqualTo(2);

    assertThat(runs()).hasSize(5).allMatch(r -> r.status() == RunStatus.QUEUED);
    assertThat(runs()).allMatch(r -> r.priority() == 0 && r.trigger().startsWith("schedule:"));
    assertThat(wakes).hasValue(3);
  }

  @Test
  void aRunCountsUnderItsRepositorysInstallationLookedUpOncePerSlot() {
    installations = repository -> repository.equals("octo/a") ? 41 : 0; // octo/b's: unreadable
    Scheduler s = scheduler(db, 100);

    s.tick();
    s.tick(); // nothing new is due: nothing is looked up again

    assertThat(runs())
        .extracting(r -> r.repository().orElseThrow() + "=" + r.installationId())
        .containsExactlyInAnyOrder("octo/a=41", "octo/b=0");
    assertThat(askedFor).containsExactlyInAnyOrder("octo/a", "octo/b");
  }

  @Test
  void aRestartDoesNotRunASlotAgain() {
    assertThat(scheduler(db, 100).tick()).isEqualTo(2);
    db.close();

    db = Database.open(url()); // the server starts again in the same slot
    clock.advance(Duration.ofMinutes(5));

    assertThat(scheduler(db, 100).tick()).isZero();
    assertThat(runs()).hasSize(2);
  }

  @Test
  void afterDowntimeOnlyTheLatestMissedSlotRuns() {
    assertThat(scheduler(db, 100).tick()).isEqualTo(2);
    db.close();

    clock.advance(Duration.ofHours(7)); // down from 10:17 to 17:17
    db = Database.open(url());

    assertThat(scheduler(db, 100).tick()).isEqualTo(2);
    assertThat(runs())
        .extracting(r -> r.idempotencyKey().orElseThrow())
        .contains(
            "schedule:hourly:octo/a:2026-11-27T17:00:00Z",
            "schedule:hourly:octo/b:2026-11-27T17:00:00Z")
        .noneMatch(k -> k.contains("T16:") || k.contains("T11:"));
  }

  @Test
  void aSlotWaitsWhileTheQueueIsFullAndRunsWhenThereIsRoom() {
    Scheduler full = scheduler(db, 1);

    assertThat(full.tick()).isEqualTo(1); // one fits, the other waits
    assertThat(full.tick()).isZero();

    assertThat(scheduler(db, 10).tick()).isEqualTo(1); // room now: the waiting slot runs
    assertThat(runs()).hasSize(2);
  }
}
