package dev.orchestrator.mission;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A repository's {@code .github/agent.yml}: which global missions its events may trigger ({@code
 * triggers: [issue-triage, …]}) and which missions are switched off there ({@code disable: […]}). A
 * repository without the file triggers nothing and disables nothing.
 */
public record RepositoryConfig(List<String> triggers, List<String> disable) {
  public static final String PATH = ".github/agent.yml";
  private static final Set<String> KEYS = Set.of("triggers", "disable");

  public RepositoryConfig {
    triggers = List.copyOf(triggers);
    disable = List.copyOf(disable);
  }

  /** No file: no event triggers, every command available. */
  public static RepositoryConfig absent() {
    return new RepositoryConfig(List.of(), List.of());
  }

  /** May an event trigger global mission {@code name} here? */
  public boolean triggers(String name) {
    return triggers.contains(name) && !disable.contains(name);
  }

  /** Is mission {@code name} switched off here (commands included)? */
  public boolean disables(String name) {
    return disable.contains(name);
  }

  /** Parsed config, or its problems as {@code file:line:col: message}. */
  public sealed interface Parsed {
    /** What is in effect: all of the file, or the valid part of it. */
    RepositoryConfig config();

    record Ok(RepositoryConfig config) implements Parsed {}

    /**
     * The file's problems, and what it says that is still valid: the names it lists correctly stay
     * in effect, so one unknown name (a mission the operator removed, or a broken repository
     * mission) does not switch off every trigger, nor switch back on what the file disables.
     */
    record Invalid(List<Problem> problems, RepositoryConfig partial) implements Parsed {
      public Invalid {
        problems = List.copyOf(problems);
      }

      @Override
      public RepositoryConfig config() {
        return partial;
      }
    }
  }

  /** Parses the file's text; mission names are checked against {@code known}. */
  public static Parsed parse(String text, Set<String> known) {
    Problems problems = new Problems(PATH);
    Optional<YamlNode> tree = YamlTree.parse(text, problems);
    List<String> triggers = new ArrayList<>();
    List<String> disable = new ArrayList<>();
    if (tree.isPresent()) {
      if (tree.get() instanceof YamlNode.Mapping map) {
        for (YamlNode.Entry e : map.entries()) {
          if (!KEYS.contains(e.key())) {
            problems.at(
                e.line(),
                e.column(),
                "unknown key \"" + e.key() + "\"; allowed: triggers, disable");
            continue;
          }
          names(e, known, problems, e.key().equals("triggers") ? triggers : disable);
        }
      } else if (!(tree.get() instanceof YamlNode.Scalar s && s.value().isNull())) {
        problems.at(
            tree.get().line(),
            tree.get().column(),
            "expected a mapping with triggers and disable, found " + tree.get().describe());
      }
    }
    List<Problem> found = problems.list();
    RepositoryConfig config = new RepositoryConfig(triggers, disable);
    return found.isEmpty() ? new Parsed.Ok(config) : new Parsed.Invalid(found, config);
  }

  private static void names(
      YamlNode.Entry e, Set<String> known, Problems problems, List<String> into) {
    if (!(e.value() instanceof YamlNode.Sequence seq)) {
      problems.at(
          e.value().line(),
          e.value().column(),
          e.key() + ": expected a list of mission names, found " + e.value().describe());
      return;
    }
    for (YamlNode item : seq.items()) {
      Optional<String> name = item instanceof YamlNode.Scalar s ? s.text() : Optional.empty();
      if (name.isEmpty()) {
        problems.at(
            item.line(),
            item.column(),
            e.key() + ": expected a mission name, found " + item.describe());
      } else if (!known.contains(name.get())) {
        problems.at(
            item.line(),
            item.column(),
            e.key()
                + ": no mission named \""
                + name.get()
                + "\""
                + Words.didYouMean(name.get(), known));
      } else {
        into.add(name.get());
      }
    }
  }
}
