package dev.orchestrator.command;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The words a comment may use besides the built-ins: the missions this repository may run, and
 * their {@code command} names. Built-in names always win.
 */
public record Vocabulary(Map<String, String> missionByWord) {
  /** The built-in commands, in the order {@code /agent help} lists them. */
  public static final List<String> BUILT_INS =
      List.of(
          "help", "missions", "run", "status", "history", "approve", "reject", "cancel", "explain");

  public Vocabulary {
    missionByWord = Map.copyOf(missionByWord);
  }

  /** Missions by name and by command: {@code commands} maps a command word to its mission. */
  public static Vocabulary of(List<String> missions, Map<String, String> commands) {
    Map<String, String> m = new TreeMap<>();
    for (String name : missions) {
      m.put(name, name);
    }
    commands.forEach(m::putIfAbsent);
    BUILT_INS.forEach(m::remove);
    return new Vocabulary(m);
  }

  public static Vocabulary empty() {
    return new Vocabulary(Map.of());
  }

  /** The mission a word names (its name or its command). */
  public Optional<String> mission(String word) {
    return Optional.ofNullable(missionByWord.get(word));
  }

  /** Every word a user may type after {@code /agent}, sorted. */
  public TreeSet<String> words() {
    TreeSet<String> all = new TreeSet<>(BUILT_INS);
    all.addAll(missionByWord.keySet());
    return all;
  }
}
