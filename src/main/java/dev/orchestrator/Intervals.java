package dev.orchestrator;

import dev.orchestrator.github.GovernorConfig;
import java.time.Duration;

/**
 * The server's fixed intervals that are not operator settings: how often its background loops look
 * for work, and the least time between two writes to GitHub. Production always runs on {@link
 * #DEFAULTS}; the test harness passes shorter ones, so that end-to-end tests wait for the behaviour
 * they check rather than for a tick.
 *
 * @param approvalPollTick how often the approval poller looks for runs whose next poll is due (the
 *     polls themselves follow {@code APPROVAL_POLL_INITIAL} and {@code APPROVAL_POLL_MAX} on the
 *     injected clock)
 * @param scheduleTick how often the scheduler looks for due slots; cron's resolution is a minute
 * @param healthReportTick how often the health report looks whether its interval (on the injected
 *     clock) has passed; the look costs nothing, the report is written once per {@code
 *     HEALTH_REPORT_INTERVAL}
 * @param githubMutationSpacing the least time between two mutative requests to GitHub in one lane
 *     (GitHub's guidance: a second)
 */
public record Intervals(
    Duration approvalPollTick,
    Duration scheduleTick,
    Duration healthReportTick,
    Duration githubMutationSpacing) {

  /** What {@code serve} runs on. */
  public static final Intervals DEFAULTS =
      new Intervals(
          Duration.ofSeconds(1),
          Duration.ofSeconds(15),
          Duration.ofSeconds(2),
          GovernorConfig.DEFAULT_MUTATION_SPACING);

  public Intervals {
    positive("approvalPollTick", approvalPollTick);
    positive("scheduleTick", scheduleTick);
    positive("healthReportTick", healthReportTick);
    if (githubMutationSpacing.isNegative()) {
      throw new IllegalArgumentException(
          "githubMutationSpacing must not be negative, found " + githubMutationSpacing);
    }
  }

  private static void positive(String name, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, found " + d);
    }
  }

  /** GitHub's governor policy with this mutation spacing and the default limits otherwise. */
  public GovernorConfig governor() {
    return GovernorConfig.defaults()
        .withMutationLimits(
            githubMutationSpacing,
            GovernorConfig.DEFAULT_MUTATIONS_PER_MINUTE,
            GovernorConfig.DEFAULT_MUTATIONS_PER_HOUR);
  }
}
