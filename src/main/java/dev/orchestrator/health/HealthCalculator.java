package dev.orchestrator.health;

import dev.orchestrator.config.Durations;
import dev.orchestrator.runtime.RunStatus;
import java.time.Duration;
import java.util.Locale;

/**
 * PRODUCT.md's health definitions, pure. Over the runs finished in the window, dry runs excluded:
 * failures are FAILED + EXPIRED, successes are SUCCEEDED, REJECTED and CANCELLED count in neither,
 * and the rate is successes / (successes + failures). The rate thresholds are compared in whole
 * numbers, so exactly 90 % is 90 % however the division would round.
 */
public final class HealthCalculator {
  public static final int HEALTHY_MIN_RATE_PERCENT = 90;
  public static final int HEALTHY_MAX_FAILURES = 2;
  public static final int UNHEALTHY_BELOW_RATE_PERCENT = 70;
  public static final int UNHEALTHY_MIN_FAILURES = 5; // ... while the rate is under the next
  public static final int UNHEALTHY_FAILURES_BELOW_RATE_PERCENT = 99;

  /** The report for {@code stats} in {@code context}. */
  public HealthReport calculate(RunStats stats, HealthContext context) {
    long successes = stats.count(RunStatus.SUCCEEDED);
    long failures = stats.count(RunStatus.FAILED) + stats.count(RunStatus.EXPIRED);
    HealthLevel level = level(successes, failures);
    return new HealthReport(
        level,
        summary(level, successes, failures, stats),
        successes,
        failures,
        stats,
        context,
        Recommendations.of(stats, context));
  }

  /** The level for these counts. */
  public static HealthLevel level(long successes, long failures) {
    long counted = successes + failures;
    if (counted == 0) {
      return HealthLevel.UNKNOWN;
    }
    if (below(successes, counted, UNHEALTHY_BELOW_RATE_PERCENT)
        || (failures >= UNHEALTHY_MIN_FAILURES
            && below(successes, counted, UNHEALTHY_FAILURES_BELOW_RATE_PERCENT))) {
      return HealthLevel.UNHEALTHY;
    }
    if (!below(successes, counted, HEALTHY_MIN_RATE_PERCENT) && failures <= HEALTHY_MAX_FAILURES) {
      return HealthLevel.HEALTHY;
    }
    return HealthLevel.DEGRADED;
  }

  /** successes / counted < percent / 100, exactly. */
  private static boolean below(long successes, long counted, int percent) {
    return successes * 100 < (long) percent * counted;
  }

  /** In hours, as the command line asks for it, unless the window is not whole hours. */
  private static String lookback(Duration d) {
    return d.toMillis() % 3_600_000L == 0 ? d.toHours() + "h" : Durations.format(d);
  }

  private static String summary(HealthLevel level, long successes, long failures, RunStats s) {
    String window = "in the last " + lookback(s.lookback());
    if (level == HealthLevel.UNKNOWN) {
      long uncounted = s.count(RunStatus.REJECTED) + s.count(RunStatus.CANCELLED);
      StringBuilder b = new StringBuilder("no run succeeded or failed " + window);
      if (uncounted > 0) {
        b.append("; ").append(uncounted).append(" rejected or cancelled, which do not count");
      }
      if (s.dryRuns() > 0) {
        b.append("; ").append(s.dryRuns()).append(" dry runs, which do not count");
      }
      return b.toString();
    }
    long counted = successes + failures;
    return String.format(
        Locale.ROOT,
        "%d of %d runs succeeded (%s) %s, %d failed",
        successes,
        counted,
        HealthReport.percent(successes, counted),
        window,
        failures);
  }
}
