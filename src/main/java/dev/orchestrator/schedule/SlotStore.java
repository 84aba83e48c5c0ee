package dev.orchestrator.schedule;

import dev.orchestrator.runtime.NewRun;
import java.time.Instant;

/**
 * The durable record of schedule slots taken. Taking a slot and creating its run are one
 * transaction, decided by a unique (mission, repository, slot start) row, so a slot runs once
 * across restarts and between the server and any number of {@code agent run-due} processes.
 */
public interface SlotStore {

  /**
   * Takes {@code slot} and creates {@code run} for it, unless this slot or a later one of the same
   * mission and repository was taken before. A QUEUED run goes through the queue (and its capacity:
   * when the queue is full nothing is taken, so a later tick tries again); a RUNNING run is created
   * as it is, for a process that executes it at once.
   */
  Claim take(Slot slot, NewRun run, Instant now);

  /** Whether {@code slot}, or a later slot of its mission and repository, was taken (a read). */
  boolean taken(Slot slot);

  /** The outcome of {@link #take}. */
  sealed interface Claim {
    /** How a listing shows it. */
    String describe();

    /** The slot is this caller's; {@code runId} is its run. */
    record Won(long runId) implements Claim {
      @Override
      public String describe() {
        return "run " + runId;
      }
    }

    /** Taken before, by this or another process, for the slot that began at {@code taken}. */
    record Lost(Instant taken) implements Claim {
      @Override
      public String describe() {
        return "already taken (slot " + taken + ")";
      }
    }

    /** The queue had no room; nothing was taken. */
    record Full(String reason) implements Claim {
      @Override
      public String describe() {
        return "not queued: " + reason;
      }
    }
  }
}
