package dev.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.store.Database;
import dev.orchestrator.store.SqliteBreakerStore;
import dev.orchestrator.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissionBreakerTest {
  static final String M = "issue-triage";
  static final long INST = 42;

  @TempDir Path dir;
  Database db;
  TestClock clock;
  MissionBreaker breaker;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("breakers.db"));
    clock = TestClock.fixed();
    breaker = new MissionBreaker(new SqliteBreakerStore(db), clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void failInfra(int times) {
    for (int i = 0; i < times; i++) {
      breaker.recordFailure(M, INST, true);
    }
  }

  @Test
  void aBreakerNeverUsedIsClosed() {
    assertThat(breaker.state(M, INST)).isEqualTo(BreakerState.CLOSED);
    assertThat(breaker.allows(M, INST)).isTrue();
    assertThat(breaker.listOpen()).isEmpty();
  }

  @Test
  void opensAfterThreeConsecutiveInfrastructureFailures() {
    failInfra(2);
    assertThat(breaker.state(M, INST)).isEqualTo(BreakerState.CLOSED);
    assertThat(breaker.recordFailure(M, INST, true)).isEqualTo(BreakerState.OPEN);
    assertThat(breaker.allows(M, INST)).isFalse();
    BreakerRecord open = breaker.breaker(M, INST);
    assertThat(open.consecutiveFailures()).isEqualTo(3);
    assertThat(open.openedAt()).contains(clock.instant());
    assertThat(open.halfOpensAt()).contains(clock.instant().plusSeconds(300));
    assertThat(breaker.listOpen()).containsExactly(open);
  }

  @Test
  void otherFailuresNeitherCountNorBreakTheStreak() {
    failInfra(2);
    for (int i = 0; i < 5; i++) {
      assertThat(breaker.recordFailure(M, INST, false)).isEqualTo(BreakerState.CLOSED);
    }
    assertThat(breaker.breaker(M, INST).consecutiveFailures()).isEqualTo(2);
    failInfra(1);
    assertThat(breaker.state(M, INST)).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void aSuccessBetweenFailuresStartsTheCountAgain() {
    failInfra(2);
    assertThat(breaker.recordSuccess(M, INST)).isEqualTo(BreakerState.CLOSED);
    failInfra(2);
    assertThat(breaker.state(M, INST)).isEqualTo(BreakerState.CLOSED);
    failInfra(1);
    assertThat(breaker.state(M, INST)).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void halfOpensAfterThreeHundredSecondsByTheClock() {
    failInfra(3);
    clock.advance(Duration.ofSeconds(299).plusMillis(999));
    assertThat(breaker.state(M, INST)).isEqualTo(BreakerState.OPEN);
    clock.advance(Duration.ofMillis(1));
    assertThat(breaker.state(M, INST)).isEqualTo(BreakerState.HALF_OPEN);
    assertThat(breaker.allows(M, INST)).isTrue();
    assertThat(breaker.listOpen())
        .extracting(BreakerRecord::state)
        .containsExactly(BreakerState.HALF_OPEN);
  }

  @Test
  void oneSuccessWhileHalfOpenCloses() {
    failInfra(3);
    clock.advance(MissionBreaker.HALF_OPEN_AFTER);
    assertThat(breaker.recordSuccess(M, INST)).isEqualTo(BreakerState.CLOSED);
    assertThat(breaker.breaker(M, INST)).isEqualTo(BreakerRecord.closed(M, INST));
    assertThat(breaker.listOpen()).isEmpty();
  }

  @Test
  void anInfrastructureFailureWhileHalfOpenReopensForAnotherPeriod() {
    failInfra(3);
    clock.advance(Duration.ofSeconds(400));
    Instant reopened = clock.instant();
    assertThat(breaker.recordFailure(M, INST, true)).isEqualTo(BreakerState.OPEN);
    assertThat(breaker.breaker(M, INST).openedAt()).contains(reopened);
    clock.advance(Duration.ofSeconds(299));
    assertThat(breaker.state(M, INST)).isEqualTo(BreakerState.OPEN);
    clock.advance(Duration.ofSeconds(1));
    assertThat(breaker.state(M, INST)).isEqualTo(BreakerState.HALF_OPEN);
  }

  @Test
  void aFailureWhileHalfOpenForAnotherReasonChangesNothing() {
    failInfra(3);
    clock.advance(Duration.ofSeconds(300));
    assertThat(breaker.recordFailure(M, INST, false)).isEqualTo(BreakerState.HALF_OPEN);
  }

  @Test
  void aLateFailureWhileOpenKeepsTheOpenPeriod() {
    failInfra(3);
    Instant opened = clock.instant();
    clock.advance(Duration.ofSeconds(100));
    failInfra(1);
    BreakerRecord b = breaker.breaker(M, INST);
    assertThat(b.openedAt()).contains(opened);
    assertThat(b.consecutiveFailures()).isEqualTo(4);
  }

  @Test
  void breakersAreSeparatePerMissionAndPerInstallation() {
    failInfra(3);
    assertThat(breaker.state(M, 7)).isEqualTo(BreakerState.CLOSED);
    assertThat(breaker.state(M, 0)).isEqualTo(BreakerState.CLOSED);
    assertThat(breaker.state("other", INST)).isEqualTo(BreakerState.CLOSED);
    breaker.recordFailure(M, 7, true);
    assertThat(breaker.breaker(M, 7).consecutiveFailures()).isEqualTo(1);
    breaker.recordSuccess(M, 7);
    assertThat(breaker.state(M, INST)).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void stateSurvivesARestart() {
    failInfra(3);
    MissionBreaker again = new MissionBreaker(new SqliteBreakerStore(db), clock);
    assertThat(again.state(M, INST)).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void resetClosesMatchingBreakersAndCountsTheOpenOnes() {
    failInfra(3); // issue-triage x 42
    for (int i = 0; i < 3; i++) {
      breaker.recordFailure(M, 7, true);
      breaker.recordFailure("review", INST, true);
    }
    breaker.recordFailure("review", 7, true); // closed, 1 failure
    assertThat(breaker.reset(Optional.of(M), Optional.of(INST))).isEqualTo(1);
    assertThat(breaker.state(M, INST)).isEqualTo(BreakerState.CLOSED);
    assertThat(breaker.state(M, 7)).isEqualTo(BreakerState.OPEN);
    assertThat(breaker.reset(Optional.empty(), Optional.of(INST))).isEqualTo(1); // review x 42
    assertThat(breaker.reset(Optional.of(M), Optional.empty())).isEqualTo(1); // triage x 7
    assertThat(breaker.reset(Optional.of(M), Optional.empty())).isZero();
    assertThat(breaker.listOpen()).isEmpty();
    assertThat(breaker.breaker("review", 7).consecutiveFailures()).isEqualTo(1);
    assertThat(breaker.reset(Optional.empty(), Optional.empty())).isZero();
    assertThat(breaker.breaker("review", 7).consecutiveFailures()).isZero();
  }

  @Test
  void resetCountsHalfOpenBreakersToo() {
    failInfra(3);
    clock.advance(Duration.ofHours(1));
    assertThat(breaker.reset(Optional.empty(), Optional.empty())).isEqualTo(1);
    assertThat(breaker.state(M, INST)).isEqualTo(BreakerState.CLOSED);
  }
}
