package dev.orchestrator.schedule;

import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.MissionCatalog;
import dev.orchestrator.mission.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which slots may run now: for every schedule of every mission and each of its repositories, the
 * latest slot at or before now. Earlier slots missed while nothing was running are not listed:
 * after downtime a schedule runs once, for its latest slot, not once per missed slot. Whether a
 * listed slot was already taken is the {@link SlotStore}'s to decide.
 */
public final class DueSlots {
  private DueSlots() {}

  /**
   * The latest slot of each (mission, repository) at {@code now}, by mission name then as written.
   */
  public static List<DueSlot> at(MissionCatalog catalog, Instant now) {
    List<DueSlot> out = new ArrayList<>();
    for (Mission m : catalog.missions()) {
      // two schedules of one mission on one repository: the later slot stands for both
      Map<String, DueSlot> latest = new LinkedHashMap<>();
      for (Trigger.OnSchedule s : m.schedules()) {
        Optional<Instant> start = s.latestSlot(now);
        if (start.isEmpty()) {
          continue;
        }
        for (String repository : s.repositories()) {
          DueSlot due = new DueSlot(m, s, new Slot(m.name(), repository, start.get()));
          latest.merge(
              repository, due, (a, b) -> a.slot().start().isBefore(b.slot().start()) ? b : a);
        }
      }
      out.addAll(latest.values());
    }
    return out;
  }

  /** The earliest next slot of any schedule after {@code now}, for messages. */
  public static Optional<Instant> next(MissionCatalog catalog, Instant now) {
    return catalog.missions().stream()
        .flatMap(m -> m.schedules().stream())
        .flatMap(s -> s.nextSlot(now).stream())
        .min(Instant::compareTo);
  }

  /** How many (mission, repository) pairs have a schedule. */
  public static int scheduled(MissionCatalog catalog) {
    return catalog.missions().stream()
        .mapToInt(
            m ->
                (int)
                    m.schedules().stream()
                        .flatMap(s -> s.repositories().stream())
                        .distinct()
                        .count())
        .sum();
  }
}
