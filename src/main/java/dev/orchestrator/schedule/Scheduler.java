package dev.orchestrator.schedule;

import dev.orchestrator.mission.MissionCatalog;
import dev.orchestrator.runtime.RunStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's scheduler: on each tick, queues a run for every due slot not yet taken, at the
 * mission's priority, and wakes the workers. Slots missed while the server was down are not made
 * up: the latest one runs, once.
 */
public final class Scheduler {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  /** Recorded as the slot's taker and the run's requester. */
  public static final String TAKER = "serve";

  private final MissionCatalog missions;
  private final SlotStore slots;
  private final java.util.function.ToLongFunction<String> installationOf;
  private final Clock clock;
  private final Runnable wakeWorkers;
  // slots reported waiting for room: a full queue is logged once per slot, not on every tick
  private final Set<Slot> waiting = new HashSet<>();

  /**
   * @param installationOf the App's installation on a repository (by full name), 0 when unknown;
   *     asked for each slot not yet taken (the gateway keeps what it found)
   */
  public Scheduler(
      MissionCatalog missions,
      SlotStore slots,
      java.util.function.ToLongFunction<String> installationOf,
      Clock clock,
      Runnable wakeWorkers) {
    this.missions = missions;
    this.installationOf = installationOf;
    this.slots = slots;
    this.clock = clock;
    this.wakeWorkers = wakeWorkers;
  }

  /** One look at the schedules; returns how many runs it queued. */
  public synchronized int tick() {
    Instant now = clock.instant();
    List<DueSlot> due = DueSlots.at(missions, now);
    int queued = 0;
    waiting.retainAll(due.stream().map(DueSlot::slot).toList());
    for (DueSlot d : due) {
      if (slots.taken(d.slot())) {
        continue; // taken on an earlier tick (or by `agent run-due`): no installation to look up
      }
      long installation = installationOf.applyAsLong(d.slot().repository());
      SlotStore.Claim claim =
          slots.take(d.slot(), ScheduledRuns.of(d, RunStatus.QUEUED, TAKER, installation), now);
      if (claim instanceof SlotStore.Claim.Won won) {
        queued++;
        LOG.info("run={} queued {} for its schedule slot", won.runId(), d.slot());
      } else if (claim instanceof SlotStore.Claim.Full full && waiting.add(d.slot())) {
        LOG.warn("schedule slot {} waits: {}", d.slot(), full.reason());
      }
    }
    if (queued > 0) {
      wakeWorkers.run();
    }
    return queued;
  }
}
