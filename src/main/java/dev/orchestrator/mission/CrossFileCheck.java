package dev.orchestrator.mission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares the files loaded together: a mission name defined twice is reported at every definition;
 * a command that another mission also claims, as a command or as its name, is reported at the
 * command. Names and commands share the words after {@code /agent}. Words already taken by another
 * catalog (the global missions, when these are a repository's) are reported where they are claimed.
 */
final class CrossFileCheck {
  private CrossFileCheck() {}

  /** One word claimed by one file, as a mission name or as a command. */
  private record Claim(MissionLoader.LoadedFile file, Located<String> at, String mission) {
    String where() {
      return file.problems().file() + ":" + at.line() + ":" + at.column();
    }
  }

  static void run(List<MissionLoader.LoadedFile> files, MissionCatalog taken) {
    Map<String, List<Claim>> names = new LinkedHashMap<>();
    Map<String, List<Claim>> commands = new LinkedHashMap<>();
    for (MissionLoader.LoadedFile f : files) {
      if (f.raw().isEmpty() || f.raw().get().name().isEmpty()) {
        continue;
      }
      RawMission raw = f.raw().get();
      Located<String> name = raw.name().get();
      names
          .computeIfAbsent(name.value(), k -> new ArrayList<>())
          .add(new Claim(f, name, name.value()));
      Set<String> own = new LinkedHashSet<>(); // a command repeated in one file is reported there
      for (RawMission.RawTrigger t : raw.triggers()) {
        if (t instanceof RawMission.RawCommand c && own.add(c.command().value())) {
          commands
              .computeIfAbsent(c.command().value(), k -> new ArrayList<>())
              .add(new Claim(f, c.command(), name.value()));
        }
      }
    }
    names.forEach(CrossFileCheck::duplicateNames);
    commands.forEach((word, claims) -> duplicateCommands(word, claims, names));
    names.forEach((word, claims) -> alreadyTaken(word, claims, taken, "mission name"));
    commands.forEach((word, claims) -> alreadyTaken(word, claims, taken, "command"));
  }

  private static void alreadyTaken(
      String word, List<Claim> claims, MissionCatalog taken, String what) {
    taken
        .resolve(word)
        .ifPresent(
            other -> {
              String how =
                  other.name().equals(word)
                      ? "the name of global mission " + Words.quote(other.name())
                      : "a command of global mission " + Words.quote(other.name());
              for (Claim c : claims) {
                c.file()
                    .problems()
                    .at(
                        c.at(),
                        what
                            + " "
                            + Words.quote(word)
                            + " is already "
                            + how
                            + ", which wins; choose another");
              }
            });
  }

  private static void duplicateNames(String name, List<Claim> claims) {
    if (claims.size() < 2) {
      return;
    }
    for (Claim c : claims) {
      String others =
          claims.stream().filter(o -> o != c).map(Claim::where).collect(Collectors.joining(", "));
      c.file()
          .problems()
          .at(
              c.at(),
              "duplicate mission name " + Words.quote(name) + "; also defined at " + others);
    }
  }

  private static void duplicateCommands(
      String command, List<Claim> claims, Map<String, List<Claim>> names) {
    for (Claim c : claims) {
      List<String> clashes = new ArrayList<>();
      for (Claim o : claims) {
        if (o != c) {
          clashes.add("a command of mission " + Words.quote(o.mission()) + " (" + o.where() + ")");
        }
      }
      for (Claim n : names.getOrDefault(command, List.of())) {
        if (!n.mission().equals(c.mission()) || n.file() != c.file()) {
          clashes.add("the name of mission " + Words.quote(n.mission()) + " (" + n.where() + ")");
        }
      }
      if (!clashes.isEmpty()) {
        c.file()
            .problems()
            .at(
                c.at(),
                "command " + Words.quote(command) + " is also " + String.join(" and ", clashes));
      }
    }
  }
}
