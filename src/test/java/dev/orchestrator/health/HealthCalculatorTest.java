package dev.orchestrator.health;

import static dev.orchestrator.health.Fixtures.counts;
import static dev.orchestrator.health.Fixtures.dry;
import static dev.orchestrator.health.Fixtures.group;
import static dev.orchestrator.health.Fixtures.report;
import static dev.orchestrator.health.Fixtures.stats;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.runtime.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthCalculatorTest {

  @ParameterizedTest(name = "{0} succeeded, {1} failed ({3}) -> {2}")
  @CsvSource({
    // failures 2 vs 3 at a high rate
    "98, 2, HEALTHY, 98 % and 2 failures",
    "97, 3, DEGRADED, 97 % but 3 failures",
    "1, 0, HEALTHY, one success",
    // exactly 90 % vs just under, with at most 2 failures
    "18, 2, HEALTHY, exactly 90 %",
    "17, 2, DEGRADED, 89.47 %",
    "9, 1, HEALTHY, exactly 90 % with 1 failure",
    "8, 1, DEGRADED, 88.9 % with 1 failure",
    // 89.9 % and 90.0 % with many runs: the failure count decides first
    "899, 101, UNHEALTHY, 89.9 % and 101 failures",
    "900, 100, UNHEALTHY, 90.0 % and 100 failures",
    // 70 % vs under 70 %, with fewer than 5 failures
    "7, 3, DEGRADED, exactly 70 %",
    "9, 4, UNHEALTHY, 69.2 %",
    "2, 1, UNHEALTHY, 66.7 % with 1 failure",
    // 5 failures at 99 % vs 98.x %
    "495, 5, DEGRADED, exactly 99 % with 5 failures",
    "300, 5, UNHEALTHY, 98.4 % with 5 failures",
    "245, 5, UNHEALTHY, 98 % with 5 failures",
    "196, 4, DEGRADED, 98 % with 4 failures",
    "594, 6, DEGRADED, exactly 99 % with 6 failures",
    // all failures
    "0, 1, UNHEALTHY, 0 %",
  })
  void levels(long succeeded, long failed, HealthLevel expected, String why) {
    assertThat(HealthCalculator.level(succeeded, failed)).as(why).isEqualTo(expected);
    assertThat(report(counts(succeeded, failed)).level()).as(why).isEqualTo(expected);
  }

  @Test
  void expiredRunsAreFailures() {
    HealthReport r =
        report(
            stats(
                group(RunStatus.SUCCEEDED, 97),
                group(RunStatus.FAILED, 2),
                group(RunStatus.EXPIRED, 1)));
    assertThat(r.failures()).isEqualTo(3);
    assertThat(r.successes()).isEqualTo(97);
    assertThat(r.level()).isEqualTo(HealthLevel.DEGRADED);
  }

  @Test
  void rejectedAndCancelledCountInNeither() {
    HealthReport r =
        report(
            stats(
                group(RunStatus.SUCCEEDED, 9),
                group(RunStatus.FAILED, 1),
                group(RunStatus.REJECTED, 40),
                group(RunStatus.CANCELLED, 50)));
    assertThat(r.successes()).isEqualTo(9);
    assertThat(r.failures()).isEqualTo(1);
    assertThat(r.successRate()).contains(0.9);
    assertThat(r.level()).isEqualTo(HealthLevel.HEALTHY);
  }

  @Test
  void dryRunsAreExcluded() {
    HealthReport r = report(stats(group(RunStatus.SUCCEEDED, 10), dry(RunStatus.FAILED, 20)));
    assertThat(r.failures()).isZero();
    assertThat(r.level()).isEqualTo(HealthLevel.HEALTHY);
    assertThat(r.stats().dryRuns()).isEqualTo(20);
  }

  @Test
  void unknownWhenNothingFinishedAndSaysSo() {
    HealthReport r = report(stats());
    assertThat(r.level()).isEqualTo(HealthLevel.UNKNOWN);
    assertThat(r.successRate()).isEmpty();
    assertThat(r.successPercent()).isEmpty();
    assertThat(r.summary()).isEqualTo("no run succeeded or failed in the last 24h");
  }

  @Test
  void unknownWhenOnlyUncountedRunsFinishedAndSaysWhich() {
    HealthReport r =
        report(
            stats(
                group(RunStatus.REJECTED, 2),
                group(RunStatus.CANCELLED, 1),
                dry(RunStatus.SUCCEEDED, 4)));
    assertThat(r.level()).isEqualTo(HealthLevel.UNKNOWN);
    assertThat(r.summary())
        .isEqualTo(
            "no run succeeded or failed in the last 24h; 3 rejected or cancelled, which do not"
                + " count; 4 dry runs, which do not count");
  }

  @Test
  void summaryRoundsThePercentageDownSoItNeverReachesAThresholdEarly() {
    // 6996 / 10000 = 69.96 %: UNHEALTHY, and it must not read "70.0 %".
    HealthReport r = report(counts(6996, 3004));
    assertThat(r.level()).isEqualTo(HealthLevel.UNHEALTHY);
    assertThat(r.successPercent()).contains("69.9 %");
    HealthReport under = report(counts(17, 2));
    assertThat(under.summary())
        .isEqualTo("17 of 19 runs succeeded (89.4 %) in the last 24h, 2 failed");
  }
}
