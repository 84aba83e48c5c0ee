package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.queue.MissionQueue;
import dev.orchestrator.runtime.IllegalTransitionException;
import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunFinish;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs whose GitHub call was deferred wait in the queue until their "not before" instant. */
class SqliteMissionQueueDeferralTest {
  private static final Duration LEASE = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
  private Database db;
  private SqliteMissionQueue queue;
  private SqliteRunStore runs;
  private int keys;

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

  private long offer(long installation, Integer issue) {
    NewRun r =
        new NewRun(
            "m",
            "deterministic",
            installation,
            Optional.of("o/r"),
            Optional.ofNullable(issue),
            Optional.empty(),
            "event:issues.opened",
            Optional.empty(),
            Optional.of("k" + ++keys),
            RunStatus.QUEUED,
            NewRun.PRIORITY_NORMAL,
            false,
            "{}",
            Optional.empty());
    return ((MissionQueue.Offer.Queued) queue.offer(r, clock.instant())).runId();
  }

  private Optional<RunRecord> claim() {
    return queue.claim("w1", LEASE, clock.instant());
  }

  private static RunFinish waiting(String checkpoint) {
    return new RunFinish(
        2,
        0,
        0,
        Optional.empty(),
        Optional.of("waiting for GitHub's rate limit"),
        Optional.of("rate_limited"),
        Optional.of(checkpoint));
  }

  /** Claims {@code id} and defers it for {@code wait}. */
  private Instant claimAndDefer(long id, Duration wait) {
    assertThat(claim().orElseThrow().id()).isEqualTo(id);
    Instant notBefore = clock.instant().plus(wait);
    runs.defer(id, notBefore, waiting("{\"step\":1}"), clock.instant());
    return notBefore;
  }

  @Test
  void aDeferredRunIsNotClaimedBeforeItsInstantAndThenResumesFromItsCheckpoint() {
    long id = offer(1, 7);
    Instant notBefore = claimAndDefer(id, Duration.ofMinutes(30));

    RunRecord waiting = runs.find(id).orElseThrow();
    assertThat(waiting.status()).isEqualTo(RunStatus.QUEUED);
    assertThat(waiting.notBefore()).contains(notBefore);
    assertThat(waiting.waitingAt(clock.instant())).isTrue();
    assertThat(waiting.attempts()).as("a deferral spends no attempt").isZero();
    assertThat(waiting.errorClass()).contains("rate_limited");
    assertThat(claim()).isEmpty();

    clock.set(notBefore.minusMillis(1));
    assertThat(claim()).isEmpty();

    clock.set(notBefore);
    RunRecord resumed = claim().orElseThrow();
    assertThat(resumed.id()).isEqualTo(id);
    assertThat(resumed.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(resumed.checkpointJson()).contains("{\"step\":1}");
    assertThat(resumed.notBefore()).isEmpty();
    assertThat(resumed.attempts()).isEqualTo(1);
  }

  @Test
  void otherRunsAreClaimedWhileOneWaitsButNotLaterOnesOfItsIssue() {
    long deferred = offer(1, 7);
    Instant notBefore = claimAndDefer(deferred, Duration.ofMinutes(5));
    long sameIssue = offer(1, 7);
    long otherIssue = offer(1, 8);
    long otherInstallation = offer(2, null);

    assertThat(claim().orElseThrow().id()).isIn(otherIssue, otherInstallation);
    assertThat(claim().orElseThrow().id()).isIn(otherIssue, otherInstallation);
    assertThat(claim()).as("run %d keeps its issue's order", sameIssue).isEmpty();

    clock.set(notBefore);
    assertThat(claim().orElseThrow().id()).isEqualTo(deferred);
  }

  @Test
  void theWorkersAreToldTheEarliestInstantStillAhead() {
    assertThat(queue.nextWaitingUntil(clock.instant())).isEmpty();
    Instant late = claimAndDefer(offer(1, null), Duration.ofMinutes(20));
    Instant soon = claimAndDefer(offer(2, null), Duration.ofMinutes(3));

    assertThat(queue.nextWaitingUntil(clock.instant())).contains(soon);
    clock.set(soon);
    assertThat(queue.nextWaitingUntil(clock.instant())).contains(late);
    clock.set(late);
    assertThat(queue.nextWaitingUntil(clock.instant())).isEmpty();
  }

  @Test
  void onlyARunningRunCanBeDeferred() {
    long id = offer(1, null);
    Instant later = clock.instant().plusSeconds(60);
    assertThatThrownBy(() -> runs.defer(id, later, waiting("{}"), clock.instant()))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("from QUEUED to QUEUED");
  }
}
