package dev.orchestrator.mission;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Valid missions by name and by command. Names and commands share one namespace ({@code /agent
 * <mission>} and {@code /agent <command>}), so no word names two missions.
 */
public final class MissionCatalog {
  private static final MissionCatalog EMPTY = new MissionCatalog(List.of());

  private final List<Mission> missions;
  private final Map<String, Mission> byName = new HashMap<>();
  private final Map<String, Mission> byCommand = new HashMap<>();

  private MissionCatalog(List<Mission> missions) {
    this.missions = missions.stream().sorted(Comparator.comparing(Mission::name)).toList();
    for (Mission m : this.missions) {
      if (byName.putIfAbsent(m.name(), m) != null) {
        throw new IllegalArgumentException("mission name \"" + m.name() + "\" appears twice");
      }
      for (String c : m.commands()) {
        if (byCommand.putIfAbsent(c, m) != null) {
          throw new IllegalArgumentException("command \"" + c + "\" appears twice");
        }
      }
    }
    for (Map.Entry<String, Mission> c : byCommand.entrySet()) {
      Mission named = byName.get(c.getKey());
      if (named != null && named != c.getValue()) {
        throw new IllegalArgumentException(
            "command \"" + c.getKey() + "\" is also the name of another mission");
      }
    }
  }

  /**
   * A catalog of {@code missions}; throws {@link IllegalArgumentException} when a name or command
   * appears twice (the loader reports those as problems first).
   */
  public static MissionCatalog of(List<Mission> missions) {
    return missions.isEmpty() ? EMPTY : new MissionCatalog(missions);
  }

  public static MissionCatalog empty() {
    return EMPTY;
  }

  /** Every mission, sorted by name. */
  public List<Mission> missions() {
    return missions;
  }

  public Optional<Mission> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Optional<Mission> byCommand(String command) {
    return Optional.ofNullable(byCommand.get(command));
  }

  /** The mission a word after {@code /agent} names: a mission name first, else a command. */
  public Optional<Mission> resolve(String word) {
    return byName(word).or(() -> byCommand(word));
  }

  /** Every word that starts a mission (names and commands), sorted: for "did you mean". */
  public List<String> words() {
    return java.util.stream.Stream.concat(byName.keySet().stream(), byCommand.keySet().stream())
        .sorted()
        .toList();
  }

  public int size() {
    return missions.size();
  }

  public boolean isEmpty() {
    return missions.isEmpty();
  }
}
