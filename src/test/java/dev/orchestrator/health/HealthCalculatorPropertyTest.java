package dev.orchestrator.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.runtime.BreakerRecord;
import dev.orchestrator.runtime.BreakerState;
import dev.orchestrator.runtime.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The health calculator's invariants over any window: the rate is a fraction, the level is UNKNOWN
 * exactly when nothing counted, more failures never make it healthier and more successes never make
 * it sicker, dry runs never count, and the report never throws.
 */
class HealthCalculatorPropertyTest {
  private static final HealthContext QUIET = Fixtures.quiet();

  @Property
  void rateIsAFractionAndTheSummaryAgrees(@ForAll("windows") RunStats stats) {
    HealthReport r = new HealthCalculator().calculate(stats, QUIET);

    assertThat(r.successes()).isEqualTo(stats.count(RunStatus.SUCCEEDED));
    assertThat(r.failures())
        .isEqualTo(stats.count(RunStatus.FAILED) + stats.count(RunStatus.EXPIRED));
    assertThat(r.level() == HealthLevel.UNKNOWN).isEqualTo(r.successes() + r.failures() == 0);
    assertThat(r.successRate().isPresent()).isEqualTo(r.level() != HealthLevel.UNKNOWN);
    r.successRate().ifPresent(rate -> assertThat(rate).isBetween(0.0, 1.0));
    r.successPercent().ifPresent(p -> assertThat(p).matches("(100|[1-9]?\\d)\\.\\d %"));
    assertThat(r.summary()).isNotBlank().doesNotContain("NaN");
    r.averageDurationSeconds().ifPresent(a -> assertThat(a).isFinite().isNotNegative());
    assertThat(r.recommendations()).isNotNull();
  }

  @Property
  void levelIsMonotoneInFailuresAndSuccesses(
      @ForAll @LongRange(max = 1_000_000) long successes,
      @ForAll @LongRange(max = 1_000_000) long failures,
      @ForAll @LongRange(min = 1, max = 1_000) long more) {
    HealthLevel base = HealthCalculator.level(successes, failures);
    HealthLevel moreFailures = HealthCalculator.level(successes, failures + more);
    HealthLevel moreSuccesses = HealthCalculator.level(successes + more, failures);

    assertThat(severity(moreFailures)).isGreaterThanOrEqualTo(severity(base));
    if (base == HealthLevel.UNKNOWN) {
      assertThat(moreSuccesses).isEqualTo(HealthLevel.HEALTHY); // nothing but successes
    } else {
      assertThat(severity(moreSuccesses)).isLessThanOrEqualTo(severity(base));
    }
  }

  @Property
  void thresholdsHoldExactly(
      @ForAll @LongRange(max = 1_000_000) long successes,
      @ForAll @LongRange(max = 1_000_000) long failures) {
    HealthLevel level = HealthCalculator.level(successes, failures);
    long counted = successes + failures;
    if (counted == 0) {
      assertThat(level).isEqualTo(HealthLevel.UNKNOWN);
    } else if (level == HealthLevel.HEALTHY) {
      assertThat(successes * 100).isGreaterThanOrEqualTo(90 * counted);
      assertThat(failures).isLessThanOrEqualTo(HealthCalculator.HEALTHY_MAX_FAILURES);
    } else if (successes * 100 < 70 * counted) {
      assertThat(level).isEqualTo(HealthLevel.UNHEALTHY);
    }
    if (failures == 0 && counted > 0) {
      assertThat(level).isEqualTo(HealthLevel.HEALTHY);
    }
  }

  @Property
  void dryRunsNeverChangeTheLevel(
      @ForAll("windows") RunStats stats, @ForAll("groups") List<RunGroup> dryRuns) {
    List<RunGroup> with = new ArrayList<>(stats.groups());
    for (RunGroup g : dryRuns) {
      with.add(
          new RunGroup(
              g.mission(),
              g.status(),
              true,
              g.runs(),
              g.durationCount(),
              g.durationSumSeconds(),
              g.tokenUsage(),
              g.costUsd(),
              g.model()));
    }
    HealthCalculator calc = new HealthCalculator();
    HealthReport without = calc.calculate(stats, QUIET);
    HealthReport withDry = calc.calculate(new RunStats(stats.from(), stats.to(), with), QUIET);

    assertThat(withDry.level()).isEqualTo(without.level());
    assertThat(withDry.successRate()).isEqualTo(without.successRate());
  }

  @Property
  void anyContextGivesAReport(
      @ForAll("windows") RunStats stats, @ForAll("contexts") HealthContext c) {
    HealthReport r = new HealthCalculator().calculate(stats, c);
    assertThat(r.context()).isEqualTo(c);
    assertThat(r.recommendations()).allSatisfy(rec -> assertThat(rec).isNotNull());
  }

  /** HEALTHY < DEGRADED < UNHEALTHY; UNKNOWN (nothing counted) is below them for failures. */
  private static int severity(HealthLevel level) {
    return level == HealthLevel.UNKNOWN ? -1 : level.ordinal();
  }

  @Provide
  Arbitrary<RunStats> windows() {
    Arbitrary<Long> hours = Arbitraries.longs().between(1, 24 * 90);
    return Combinators.combine(hours, groups())
        .as((h, gs) -> new RunStats(Fixtures.NOW.minusSeconds(h * 3600), Fixtures.NOW, gs));
  }

  @Provide
  Arbitrary<List<RunGroup>> groups() {
    Arbitrary<RunStatus> terminal =
        Arbitraries.of(RunStatus.values()).filter(RunStatus::isTerminal);
    Arbitrary<RunGroup> group =
        Combinators.combine(
                Arbitraries.of("a", "b", "triage", "stale"),
                terminal,
                Arbitraries.of(false, false, false, true),
                Arbitraries.longs().between(0, 100_000),
                Arbitraries.doubles().between(0, 3_600),
                Arbitraries.longs().between(0, 10_000_000),
                Arbitraries.doubles().between(0, 1_000),
                Arbitraries.of("", "", "gpt-4o-mini", "claude"))
            .as(
                (mission, status, dry, runs, avg, tokens, cost, model) ->
                    new RunGroup(
                        mission, status, dry, runs, runs, runs * avg, tokens, cost, model));
    return group.list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<HealthContext> contexts() {
    Arbitrary<List<BreakerRecord>> breakers =
        Arbitraries.of("a", "b", "triage")
            .map(m -> new BreakerRecord(m, 7, BreakerState.OPEN, 5, Optional.of(Fixtures.NOW)))
            .list()
            .ofMaxSize(3);
    Arbitrary<Map<RunStatus, Long>> active =
        Arbitraries.longs()
            .between(0, 10_000)
            .list()
            .ofSize(3)
            .map(
                n -> {
                  Map<RunStatus, Long> m = new EnumMap<>(RunStatus.class);
                  m.put(RunStatus.QUEUED, n.get(0));
                  m.put(RunStatus.RUNNING, n.get(1));
                  m.put(RunStatus.BLOCKED, n.get(2));
                  return m;
                });
    Arbitrary<Optional<HealthContext.RateLimit>> rate =
        Combinators.combine(
                Arbitraries.longs().between(0, 15_000), Arbitraries.longs().between(0, 15_000))
            .as(
                (rem, lim) ->
                    new HealthContext.RateLimit(
                        Math.min(rem, lim),
                        lim,
                        Optional.of(Instant.parse("2026-03-14T13:00:00Z"))))
            .optional();
    Arbitrary<Optional<HealthContext.Budget>> budget =
        Combinators.combine(
                Arbitraries.doubles().between(0, 100), Arbitraries.doubles().between(0, 100))
            .as(HealthContext.Budget::new)
            .optional();
    return Combinators.combine(
            breakers, active, Arbitraries.longs().between(0, 10_000), rate, budget)
        .as(HealthContext::new);
  }
}
