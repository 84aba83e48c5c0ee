package dev.orchestrator.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.runtime.BreakerRecord;
import dev.orchestrator.runtime.BreakerState;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthServiceTest {
  /** Records the windows asked for and answers with fixed figures. */
  static final class FakeStats implements RunStatsSource {
    final List<Instant[]> asked = new ArrayList<>();

    @Override
    public RunStats finishedBetween(Instant from, Instant to) {
      asked.add(new Instant[] {from, to});
      return new RunStats(
          from, to, List.of(new RunGroup("m", RunStatus.SUCCEEDED, false, 5, 5, 50, 10, 0.5)));
    }

    @Override
    public Map<RunStatus, Long> active() {
      return Map.of(RunStatus.QUEUED, 9L);
    }

    @Override
    public HealthContext.Waiting waiting(Instant now) {
      return new HealthContext.Waiting(2, Optional.of(now.plusSeconds(60)));
    }
  }

  @Test
  void asksForTheWindowEndingNowAndPassesTheContextOn() {
    TestClock clock = new TestClock(Instant.parse("2026-03-14T12:00:00.123456Z"));
    FakeStats stats = new FakeStats();
    BreakerRecord open = new BreakerRecord("m", 1, BreakerState.OPEN, 3, Optional.empty());
    HealthContext.Budget budget = new HealthContext.Budget(1, 5);
    HealthService service =
        new HealthService(
            stats, () -> List.of(open), 10, Optional::empty, () -> Optional.of(budget), clock);

    HealthReport r = service.report(Duration.ofHours(6));

    Instant now = Instant.parse("2026-03-14T12:00:00.123Z");
    assertThat(stats.asked).hasSize(1);
    assertThat(stats.asked.get(0)).containsExactly(now.minus(Duration.ofHours(6)), now);
    assertThat(r.level()).isEqualTo(HealthLevel.HEALTHY);
    assertThat(r.context().queueSize()).isEqualTo(9);
    assertThat(r.context().queueCapacity()).isEqualTo(10);
    assertThat(r.context().openBreakers()).containsExactly(open);
    assertThat(r.context().budget()).contains(budget);
    assertThat(r.context().waiting())
        .isEqualTo(new HealthContext.Waiting(2, Optional.of(now.plusSeconds(60))));
    assertThat(r.recommendations())
        .extracting(Recommendation::section)
        .containsExactly(Recommendation.BREAKER_OPEN, Recommendation.QUEUE_FULL);
  }

  @Test
  void aWindowMustHaveALength() {
    HealthService service =
        new HealthService(
            new FakeStats(), List::of, 10, Optional::empty, Optional::empty, TestClock.fixed());
    assertThatThrownBy(() -> service.report(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
