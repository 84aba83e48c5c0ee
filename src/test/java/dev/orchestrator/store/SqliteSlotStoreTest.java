package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.schedule.Slot;
import dev.orchestrator.schedule.SlotStore;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Taking schedule slots: once, whoever asks, and never an earlier one after a later. */
class SqliteSlotStoreTest {
  private static final Instant T10 = Instant.parse("2026-11-27T10:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-27T10:17:00Z");

  @TempDir Path dir;
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

  private static SlotStore store(Database on, String taker) {
    return new SqliteSlotStore(on, new SqliteMissionQueue(on, 100, 10_000), taker);
  }

  private static NewRun run(Slot slot, RunStatus status) {
    return new NewRun(
        slot.mission(),
        "deterministic",
        0,
        Optional.of(slot.repository()),
        Optional.empty(),
        Optional.empty(),
        "schedule:0 * * * *",
        Optional.of("test"),
        Optional.of(slot.idempotencyKey()),
        status,
        NewRun.PRIORITY_LOW,
        false,
        "{}",
        Optional.of("{}"));
  }

  @Test
  void aSlotIsTakenOnceAndItsRowNamesTheRun() throws Exception {
    Slot slot = new Slot("hourly", "octo/a", T10);
    SlotStore store = store(db, "serve");

    SlotStore.Claim first = store.take(slot, run(slot, RunStatus.QUEUED), NOW);
    SlotStore.Claim second = store.take(slot, run(slot, RunStatus.RUNNING), NOW);

    assertThat(first).isInstanceOf(SlotStore.Claim.Won.class);
    assertThat(second).isEqualTo(new SlotStore.Claim.Lost(T10));
    long runId = ((SlotStore.Claim.Won) first).runId();
    assertThat(new SqliteRunStore(db).find(runId).orElseThrow().status())
        .isEqualTo(RunStatus.QUEUED);
    assertThat(rows())
        .containsExactly("hourly octo/a 2026-11-27T10:00:00.000Z " + runId + " serve");
  }

  @Test
  void anEarlierSlotCannotBeTakenAfterALaterOne() {
    SlotStore store = store(db, "run-due");
    Slot later = new Slot("hourly", "octo/a", T10);
    Slot earlier = new Slot("hourly", "octo/a", T10.minus(Duration.ofHours(1)));

    assertThat(store.take(later, run(later, RunStatus.RUNNING), NOW))
        .isInstanceOf(SlotStore.Claim.Won.class);

    assertThat(store.take(earlier, run(earlier, RunStatus.RUNNING), NOW))
        .isEqualTo(new SlotStore.Claim.Lost(T10));
    // another repository or mission is its own pair
    Slot other = new Slot("hourly", "octo/b", earlier.start());
    assertThat(store.take(other, run(other, RunStatus.RUNNING), NOW))
        .isInstanceOf(SlotStore.Claim.Won.class);
  }

  @Test
  void twoProcessesRacingForOneSlotRunItOnce() throws Exception {
    // each "process" has its own database handle on the same file, as two run-due commands would
    int rounds = 20;
    try (Database other = Database.open(url())) {
      List<SlotStore> stores = List.of(store(db, "run-due"), store(other, "run-due"));
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        int won = 0;
        for (int i = 0; i < rounds; i++) {
          Slot slot = new Slot("hourly", "octo/a", T10.plus(Duration.ofHours(i)));
          CountDownLatch go = new CountDownLatch(1);
          List<Future<SlotStore.Claim>> claims = new ArrayList<>();
          for (SlotStore s : stores) {
            claims.add(
                pool.submit(
                    () -> {
                      go.await();
                      return s.take(slot, run(slot, RunStatus.RUNNING), NOW);
                    }));
          }
          go.countDown();
          List<SlotStore.Claim> results = new ArrayList<>();
          for (Future<SlotStore.Claim> f : claims) {
            results.add(f.get());
          }
          assertThat(results).filteredOn(SlotStore.Claim.Won.class::isInstance).hasSize(1);
          assertThat(results).filteredOn(SlotStore.Claim.Lost.class::isInstance).hasSize(1);
          won++;
        }
        assertThat(won).isEqualTo(rounds);
      } finally {
        pool.shutdownNow();
      }
    }
    assertThat(rows()).hasSize(rounds);
    assertThat(new SqliteRunStore(db).recent(100, Optional.empty())).hasSize(rounds);
  }

  @Test
  void aFullQueueTakesNothing() {
    SlotStore store = new SqliteSlotStore(db, new SqliteMissionQueue(db, 0, 10_000), "serve");
    Slot slot = new Slot("hourly", "octo/a", T10);

    SlotStore.Claim claim = store.take(slot, run(slot, RunStatus.QUEUED), NOW);

    assertThat(claim).isInstanceOf(SlotStore.Claim.Full.class);
    assertThat(claim.describe()).startsWith("not queued: the queue is full for this installation");
    assertThat(rows()).isEmpty();
  }

  @Test
  void rowsOlderThanTheHorizonGoWhenANewerSlotIsTaken() throws Exception {
    SlotStore store = store(db, "serve");
    Slot old = new Slot("hourly", "octo/a", T10.minus(SqliteSlotStore.KEEP).minusSeconds(3600));
    Slot kept = new Slot("hourly", "octo/a", T10.minus(SqliteSlotStore.KEEP));
    Slot now = new Slot("hourly", "octo/a", T10);
    for (Slot s : List.of(old, kept, now)) {
      assertThat(store.take(s, run(s, RunStatus.QUEUED), NOW))
          .isInstanceOf(SlotStore.Claim.Won.class);
    }

    assertThat(rows()).hasSize(2).noneMatch(r -> r.contains("2026-10-28T09:00"));
  }

  private List<String> rows() {
    return db.read(
        c -> {
          List<String> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT mission, repository, slot_start, run_id, taken_by"
                          + " FROM schedule_slots ORDER BY slot_start")) {
            while (rs.next()) {
              out.add(
                  rs.getString(1)
                      + " "
                      + rs.getString(2)
                      + " "
                      + rs.getString(3)
                      + " "
                      + rs.getLong(4)
                      + " "
                      + rs.getString(5));
            }
          }
          return out;
        });
  }
}
