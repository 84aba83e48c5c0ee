package dev.orchestrator.health;

import static dev.orchestrator.health.Fixtures.counts;
import static dev.orchestrator.health.Fixtures.stats;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.runtime.BreakerRecord;
import dev.orchestrator.runtime.BreakerState;
import dev.orchestrator.runtime.RunStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecommendationsTest {
  private final HealthCalculator calculator = new HealthCalculator();

  private List<Recommendation> recommend(RunStats stats, HealthContext context) {
    return calculator.calculate(stats, context).recommendations();
  }

  private static HealthContext context(
      List<BreakerRecord> open,
      long queued,
      long capacity,
      Optional<HealthContext.RateLimit> rate,
      Optional<HealthContext.Budget> budget) {
    return new HealthContext(open, Map.of(RunStatus.QUEUED, queued), capacity, rate, budget);
  }

  private static List<String> sections(List<Recommendation> recs) {
    return recs.stream().map(Recommendation::section).toList();
  }

  @Test
  void noneWhenAllIsWell() {
    assertThat(recommend(counts(10, 0), Fixtures.quiet())).isEmpty();
  }

  @Test
  void anOpenBreakerPointsAtTheRunbook() {
    BreakerRecord open =
        new BreakerRecord(
            "issue-triage", 42, BreakerState.OPEN, 3, Optional.of(Fixtures.NOW.minusSeconds(10)));
    List<Recommendation> recs =
        recommend(
            counts(10, 0), context(List.of(open), 0, 100, Optional.empty(), Optional.empty()));
    assertThat(recs).hasSize(1);
    assertThat(recs.get(0).runbook()).isEqualTo("docs/RUNBOOK.md#breaker-open");
    assertThat(recs.get(0).message()).contains("\"issue-triage\" (installation 42) OPEN");
  }

  @Test
  void queueAtEightyPercentOfCapacityIsNearlyFull() {
    RunStats s = counts(10, 0);
    assertThat(recommend(s, context(List.of(), 79, 100, Optional.empty(), Optional.empty())))
        .isEmpty();
    List<Recommendation> recs =
        recommend(s, context(List.of(), 80, 100, Optional.empty(), Optional.empty()));
    assertThat(sections(recs)).containsExactly(Recommendation.QUEUE_FULL);
    assertThat(recs.get(0).message())
        .isEqualTo("queue near capacity: 80 of 100 runs queued (80.0 %)");
  }

  @Test
  void rateLimitIsLowAtTenPercentLeft() {
    RunStats s = counts(10, 0);
    Optional<HealthContext.RateLimit> ok =
        Optional.of(new HealthContext.RateLimit(501, 5000, Optional.empty()));
    Optional<HealthContext.RateLimit> low =
        Optional.of(new HealthContext.RateLimit(500, 5000, Optional.of(Fixtures.NOW)));
    assertThat(recommend(s, context(List.of(), 0, 100, ok, Optional.empty()))).isEmpty();
    List<Recommendation> recs = recommend(s, context(List.of(), 0, 100, low, Optional.empty()));
    assertThat(sections(recs)).containsExactly(Recommendation.RATE_LIMIT_LOW);
    assertThat(recs.get(0).message())
        .isEqualTo(
            "GitHub rate limit low: 500 of 5000 requests left, resets at 2026-03-14T12:00:00Z");
  }

  @Test
  void budgetIsNearlySpentAtEightyPercent() {
    RunStats s = counts(10, 0);
    Optional<HealthContext.Budget> ok = Optional.of(new HealthContext.Budget(3.99, 5.00));
    Optional<HealthContext.Budget> spent = Optional.of(new HealthContext.Budget(4.00, 5.00));
    assertThat(recommend(s, context(List.of(), 0, 100, Optional.empty(), ok))).isEmpty();
    List<Recommendation> recs = recommend(s, context(List.of(), 0, 100, Optional.empty(), spent));
    assertThat(sections(recs)).containsExactly(Recommendation.BUDGET);
    assertThat(recs.get(0).message()).isEqualTo("model budget nearly spent: $4.00 of $5.00");
  }

  @Test
  void averageDurationOverSixtySecondsIsSlowAndNamesTheSlowMission() {
    RunStats exactly = stats(new RunGroup("fast", RunStatus.SUCCEEDED, false, 2, 2, 120.0, 0, 0));
    assertThat(recommend(exactly, Fixtures.quiet())).isEmpty();
    RunStats slow =
        stats(
            new RunGroup("fast", RunStatus.SUCCEEDED, false, 2, 2, 20.0, 0, 0),
            new RunGroup("review", RunStatus.FAILED, false, 2, 2, 300.0, 0, 0));
    List<Recommendation> recs = recommend(slow, Fixtures.quiet());
    assertThat(sections(recs)).containsExactly(Recommendation.SLOW_MISSIONS);
    assertThat(recs.get(0).message())
        .isEqualTo("average run duration 80.0 s is over 60 s; slowest: \"review\" 150.0 s");
  }

  @Test
  void everyTriggerAtOnceGivesOneRecommendationEach() {
    BreakerRecord half =
        new BreakerRecord("m", 0, BreakerState.HALF_OPEN, 3, Optional.of(Fixtures.NOW));
    RunStats slow = stats(new RunGroup("m", RunStatus.SUCCEEDED, false, 1, 1, 61.0, 0, 0));
    List<Recommendation> recs =
        recommend(
            slow,
            context(
                List.of(half),
                100,
                100,
                Optional.of(new HealthContext.RateLimit(0, 5000, Optional.empty())),
                Optional.of(new HealthContext.Budget(5, 5))));
    assertThat(sections(recs))
        .containsExactly(
            Recommendation.BREAKER_OPEN,
            Recommendation.RATE_LIMIT_LOW,
            Recommendation.SLOW_MISSIONS,
            Recommendation.QUEUE_FULL,
            Recommendation.BUDGET);
    assertThat(recs.get(0).message()).endsWith("\"m\" HALF_OPEN");
  }
}
