package dev.orchestrator.health;

import dev.orchestrator.runtime.BreakerRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Gathers what {@link HealthCalculator} needs from its ports, as of the clock's now, so that the
 * command line, the status route and {@code /agent status} all report the same thing.
 */
public final class HealthService {
  private final RunStatsSource stats;
  private final Supplier<List<BreakerRecord>> openBreakers;
  private final long queueCapacity;
  private final Supplier<Optional<HealthContext.RateLimit>> rateLimit;
  private final Supplier<Optional<HealthContext.Budget>> budget;
  private final Clock clock;
  private final HealthCalculator calculator = new HealthCalculator();

  public HealthService(
      RunStatsSource stats,
      Supplier<List<BreakerRecord>> openBreakers,
      long queueCapacity,
      Supplier<Optional<HealthContext.RateLimit>> rateLimit,
      Supplier<Optional<HealthContext.Budget>> budget,
      Clock clock) {
    this.stats = stats;
    this.openBreakers = openBreakers;
    this.queueCapacity = queueCapacity;
    this.rateLimit = rateLimit;
    this.budget = budget;
    this.clock = clock;
  }

  /** The health of the runs finished in the last {@code lookback}. */
  public HealthReport report(Duration lookback) {
    if (lookback.isNegative() || lookback.isZero()) {
      throw new IllegalArgumentException("lookback must be positive, was " + lookback);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // the store's precision
    RunStats window = stats.finishedBetween(now.minus(lookback), now);
    HealthContext context =
        new HealthContext(
            openBreakers.get(),
            stats.active(),
            queueCapacity,
            rateLimit.get(),
            budget.get(),
            stats.waiting(now));
    return calculator.calculate(window, context);
  }
}
