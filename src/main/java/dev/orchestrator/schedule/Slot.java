package dev.orchestrator.schedule;

import java.time.Instant;

/**
 * One firing of a mission's schedule on one repository: the unit that runs at most once.
 *
 * @param start when the slot began (the cron time, as an instant)
 */
public record Slot(String mission, String repository, Instant start) {

  /** The run's idempotency key: {@code schedule:<mission>:<owner/repo>:<start>}. */
  public String idempotencyKey() {
    return "schedule:" + mission + ":" + repository + ":" + start;
  }

  @Override
  public String toString() {
    return mission + " on \"" + repository + "\" at " + start;
  }
}
