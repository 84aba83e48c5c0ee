package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.queue.MissionQueue;
import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunFinish;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMissionQueueTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(60);

  @TempDir Path dir;
  private Database db;
  private SqliteMissionQueue queue;
  private SqliteRunStore runs;
  private final AtomicInteger keys = new AtomicInteger();

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("q.db"));
    queue = new SqliteMissionQueue(db, 600, 10_000);
    runs = new SqliteRunStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private NewRun run(long installation, Integer issue, int priority) {
    return new NewRun(
        "m",
        "deterministic",
        installation,
        Optional.of("o/r" + installation),
        Optional.ofNullable(issue),
        Optional.empty(),
        "event:issues.opened",
        Optional.empty(),
        Optional.of("k" + keys.incrementAndGet()),
        RunStatus.QUEUED,
        priority,
        false,
        "{}",
        Optional.empty());
  }

  private long offer(NewRun r) {
    MissionQueue.Offer o = queue.offer(r, T0);
    assertThat(o).isInstanceOf(MissionQueue.Offer.Queued.class);
    return ((MissionQueue.Offer.Queued) o).runId();
  }

  private RunRecord claim() {
    return queue.claim("w1", LEASE, T0).orElseThrow();
  }

  private void succeed(long id) {
    runs.finish(id, RunStatus.SUCCEEDED, RunFinish.ok(0), T0);
  }

  @Test
  void floodFromOneInstallationDoesNotStarveAnother() {
    for (int i = 0; i < 500; i++) {
      offer(run(1, null, NewRun.PRIORITY_NORMAL));
    }
    long b = offer(run(2, null, NewRun.PRIORITY_HIGH)); // a human's command raises priority
    List<Long> order = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RunRecord r = claim();
      order.add(r.id());
      succeed(r.id());
    }
    assertThat(order.indexOf(b)).isLessThanOrEqualTo(1);
  }

  @Test
  void atEqualPriorityTheInstallationServedLeastRecentlyGoesFirst() {
    long a1 = offer(run(1, null, NewRun.PRIORITY_NORMAL));
    long a2 = offer(run(1, null, NewRun.PRIORITY_NORMAL));
    long a3 = offer(run(1, null, NewRun.PRIORITY_NORMAL));
    long b1 = offer(run(2, null, NewRun.PRIORITY_NORMAL));
    long b2 = offer(run(2, null, NewRun.PRIORITY_NORMAL));
    List<Long> order = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      RunRecord r = claim();
      order.add(r.id());
      succeed(r.id());
    }
    assertThat(order).containsExactly(a1, b1, a2, b2, a3);
  }

  @Test
  void higherPriorityFirstThenFifo() {
    long low = offer(run(1, null, NewRun.PRIORITY_LOW));
    long normal = offer(run(1, null, NewRun.PRIORITY_NORMAL));
    long high = offer(run(1, null, NewRun.PRIORITY_HIGH));
    long normal2 = offer(run(1, null, NewRun.PRIORITY_NORMAL));
    List<Long> order = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      order.add(claim().id());
    }
    assertThat(order).containsExactly(high, normal, normal2, low);
  }

  @Test
  void runsOnOneIssueRunOneAtATimeInOrderButBlockedDoesNotHoldIt() {
    long first = offer(run(1, 7, NewRun.PRIORITY_NORMAL));
    long second = offer(run(1, 7, NewRun.PRIORITY_HIGH));
    long other = offer(run(1, 8, NewRun.PRIORITY_LOW));
    assertThat(claim().id()).isEqualTo(first);
    assertThat(claim().id()).as("issue 7 is busy, so issue 8's run goes").isEqualTo(other);
    assertThat(queue.claim("w1", LEASE, T0)).isEmpty();
    runs.finish(first, RunStatus.BLOCKED, RunFinish.ok(0), T0);
    assertThat(claim().id()).isEqualTo(second);
  }

  @Test
  void anOpenBreakerHoldsItsRunsUntilItHalfOpens() {
    long held = offer(run(1, null, NewRun.PRIORITY_HIGH));
    long free = offer(run(2, null, NewRun.PRIORITY_NORMAL));
    db.write(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(
                "INSERT INTO breakers(mission, installation_id, state, consecutive_failures,"
                    + " opened_at, updated_at) VALUES ('m', 1, 'OPEN', 3, '"
                    + Timestamps.format(T0.minusSeconds(10))
                    + "', 'x')");
          }
          return null;
        });
    assertThat(claim().id()).isEqualTo(free);
    assertThat(queue.claim("w1", LEASE, T0)).isEmpty();
    assertThat(queue.claim("w1", LEASE, T0.plusSeconds(291)).orElseThrow().id()).isEqualTo(held);
  }

  @Test
  void capacityIsPerInstallationAndInTotalAndBlockedRunsDoNotCount() {
    SqliteMissionQueue small = new SqliteMissionQueue(db, 2, 3);
    assertThat(small.offer(run(1, null, 1), T0)).isInstanceOf(MissionQueue.Offer.Queued.class);
    assertThat(small.offer(run(1, null, 1), T0)).isInstanceOf(MissionQueue.Offer.Queued.class);
    MissionQueue.Offer full = small.offer(run(1, null, 1), T0);
    assertThat(full).isInstanceOf(MissionQueue.Offer.Full.class);
    assertThat(((MissionQueue.Offer.Full) full).reason())
        .contains("2 of 2")
        .contains("this installation");
    assertThat(small.offer(run(2, null, 1), T0)).isInstanceOf(MissionQueue.Offer.Queued.class);
    assertThat(((MissionQueue.Offer.Full) small.offer(run(3, null, 1), T0)).reason())
        .contains("3 of 3");
    RunRecord r = small.claim("w", LEASE, T0).orElseThrow();
    runs.finish(r.id(), RunStatus.BLOCKED, RunFinish.ok(0), T0);
    assertThat(small.offer(run(3, null, 1), T0)).isInstanceOf(MissionQueue.Offer.Queued.class);
  }

  @Test
  void aSeenIdempotencyKeyIsADuplicate() {
    NewRun r = run(1, null, 1);
    offer(r);
    assertThat(queue.offer(r, T0)).isInstanceOf(MissionQueue.Offer.Duplicate.class);
    assertThat(queue.queued()).isOne();
  }

  @Test
  void expiredLeasesAreReclaimedThenFailedAfterTheAttempts() {
    long id = offer(run(1, null, 1));
    for (int attempt = 1; attempt <= 3; attempt++) {
      Instant now = T0.plus(Duration.ofMinutes(2L * attempt));
      RunRecord r = queue.claim("w" + attempt, LEASE, now).orElseThrow();
      assertThat(r.id()).isEqualTo(id);
      assertThat(r.attempts()).isEqualTo(attempt);
      assertThat(queue.renew(id, "someone-else", LEASE, now)).isFalse();
      assertThat(queue.renew(id, "w" + attempt, LEASE, now)).isTrue();
      MissionQueue.Reclaimed rec = queue.reclaimExpired(3, now.plus(LEASE).plusSeconds(1));
      if (attempt < 3) {
        assertThat(rec.requeued()).containsExactly(id);
      } else {
        assertThat(rec.failed()).containsExactly(id);
      }
    }
    RunRecord failed = runs.find(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.errorClass()).contains("lease_expired");
  }

  @Test
  void aStartingServerReclaimsTheRunsOfADeadProcessAtOnceCountingTheAttempt() {
    long held = offer(run(1, null, 1));
    long waiting = offer(run(1, null, 1));
    RunRecord first = claim();
    assertThat(first.id()).isEqualTo(held);
    Instant restart = T0.plusSeconds(5); // well inside the lease
    assertThat(queue.reclaimExpired(3, restart).requeued()).isEmpty();

    assertThat(queue.endOrphanedLeases(restart)).isOne();
    assertThat(queue.reclaimExpired(3, restart).requeued()).containsExactly(held);
    RunRecord again = queue.claim("w2@new", LEASE, restart).orElseThrow();
    assertThat(again.id()).isEqualTo(held);
    assertThat(again.attempts()).as("the dead process's attempt counts").isEqualTo(2);
    assertThat(runs.find(waiting).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
    assertThat(queue.endOrphanedLeases(restart)).as("only RUNNING runs").isOne();
  }

  @Test
  void releaseOnShutdownPutsTheRunBackWithoutSpendingAnAttempt() {
    long id = offer(run(1, null, 1));
    claim();
    queue.release(id, "w1", T0);
    RunRecord r = runs.find(id).orElseThrow();
    assertThat(r.status()).isEqualTo(RunStatus.QUEUED);
    assertThat(r.attempts()).isZero();
  }

  @Test
  void concurrentWorkersNeverClaimTheSameRun() throws Exception {
    for (int i = 0; i < 200; i++) {
      offer(run(1 + i % 5, null, 1));
    }
    Set<Long> claimed = ConcurrentHashMap.newKeySet();
    AtomicInteger duplicates = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> fs = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      String worker = "w" + w;
      fs.add(
          pool.submit(
              () -> {
                Optional<RunRecord> r;
                while ((r = queue.claim(worker, LEASE, T0)).isPresent()) {
                  if (!claimed.add(r.get().id())) {
                    duplicates.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    assertThat(duplicates).hasValue(0);
    assertThat(claimed).hasSize(200);
  }
}
