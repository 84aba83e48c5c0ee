package dev.orchestrator.store;

import dev.orchestrator.queue.MissionQueue;
import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.schedule.Slot;
import dev.orchestrator.schedule.SlotStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link SlotStore} on the {@code schedule_slots} table. One {@code BEGIN IMMEDIATE} transaction
 * checks for a slot at or after this one, inserts the slot's row (the unique index decides between
 * racing processes) and creates the run, so a slot's row never exists without its run.
 */
public final class SqliteSlotStore implements SlotStore {
  /**
   * Rows this much older than a newly taken slot of the same pair are deleted; the newest stays.
   */
  public static final Duration KEEP = Duration.ofDays(30);

  private final Database db;
  private final SqliteMissionQueue queue;
  private final String takenBy;

  /**
   * @param queue the queue QUEUED runs go through (its capacity applies)
   * @param takenBy who takes slots through this store, recorded on each row ({@code serve}, {@code
   *     run-due})
   */
  public SqliteSlotStore(Database db, SqliteMissionQueue queue, String takenBy) {
    this.db = db;
    this.queue = queue;
    this.takenBy = takenBy;
  }

  @Override
  public Claim take(Slot slot, NewRun run, Instant now) {
    String start = Timestamps.format(slot.start());
    return db.write(
        c -> {
          Optional<String> latest = latestAtOrAfter(c, slot, start);
          if (latest.isPresent()) {
            return new Claim.Lost(Timestamps.parse(latest.get()));
          }
          if (!insert(c, slot, start, now)) {
            return new Claim.Lost(slot.start()); // cannot happen under the check; the index says
          }
          Optional<Long> runId;
          if (run.status() == RunStatus.QUEUED) {
            MissionQueue.Offer offer = queue.offerIn(c, run, now);
            if (offer instanceof MissionQueue.Offer.Full full) {
              delete(c, slot, start);
              return new Claim.Full(full.reason());
            }
            runId =
                offer instanceof MissionQueue.Offer.Queued q
                    ? Optional.of(q.runId())
                    : Optional.empty();
          } else {
            runId = SqliteRunStore.insert(c, run, now);
          }
          if (runId.isEmpty()) {
            // a run with this slot's key exists, though its row was gone: the slot was run
            return new Claim.Lost(slot.start());
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE schedule_slots SET run_id = ?"
                      + " WHERE mission = ? AND repository = ? AND slot_start = ?")) {
            p.setLong(1, runId.get());
            p.setString(2, slot.mission());
            p.setString(3, slot.repository());
            p.setString(4, start);
            p.executeUpdate();
          }
          forget(c, slot);
          return new Claim.Won(runId.get());
        });
  }

  @Override
  public boolean taken(Slot slot) {
    return db.read(c -> latestAtOrAfter(c, slot, Timestamps.format(slot.start())).isPresent());
  }

  private static Optional<String> latestAtOrAfter(Connection c, Slot slot, String start)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT MAX(slot_start) FROM schedule_slots"
                + " WHERE mission = ? AND repository = ? AND slot_start >= ?")) {
      p.setString(1, slot.mission());
      p.setString(2, slot.repository());
      p.setString(3, start);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private boolean insert(Connection c, Slot slot, String start, Instant now) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO schedule_slots(mission, repository, slot_start, taken_by, taken_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      p.setString(1, slot.mission());
      p.setString(2, slot.repository());
      p.setString(3, start);
      p.setString(4, takenBy);
      p.setString(5, Timestamps.format(now));
      return p.executeUpdate() == 1;
    }
  }

  private static void delete(Connection c, Slot slot, String start) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "DELETE FROM schedule_slots WHERE mission = ? AND repository = ? AND slot_start = ?")) {
      p.setString(1, slot.mission());
      p.setString(2, slot.repository());
      p.setString(3, start);
      p.executeUpdate();
    }
  }

  /** Deletes rows of the pair older than {@link #KEEP} before {@code slot}. */
  private static void forget(Connection c, Slot slot) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "DELETE FROM schedule_slots WHERE mission = ? AND repository = ? AND slot_start < ?")) {
      p.setString(1, slot.mission());
      p.setString(2, slot.repository());
      p.setString(3, Timestamps.format(slot.start().minus(KEEP)));
      p.executeUpdate();
    }
  }
}
