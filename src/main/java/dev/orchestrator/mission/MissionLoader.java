package dev.orchestrator.mission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads mission files strictly: YAML with positions, then raw keys and types, then the mission's
 * rules, then names and commands across files. Reports every problem of every file as {@code
 * file:line:col: message}; never throws for anything a file contains.
 */
public final class MissionLoader {
  /** The problem of a file whose bytes are not UTF-8. */
  public static final String NOT_UTF8 = "not UTF-8 text";

  private final MissionScope scope;

  private MissionLoader(MissionScope scope) {
    this.scope = scope;
  }

  /** A loader for the operator's missions ({@code MISSIONS_DIR}). */
  public static MissionLoader global() {
    return new MissionLoader(MissionScope.GLOBAL);
  }

  /** A loader for {@code .github/agent/missions/*.yml}: destructive tools are refused. */
  public static MissionLoader repository() {
    return new MissionLoader(MissionScope.REPOSITORY);
  }

  /** The {@code *.yml} and {@code *.yaml} files directly in {@code dir}, sorted by name. */
  public static List<Path> missionFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
          .sorted(Comparator.comparing(f -> f.getFileName().toString()))
          .toList();
    }
  }

  /** Every mission file directly in {@code dir}. */
  public LoadResult loadDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return invalid(dir, "no such directory");
    }
    try {
      return loadFiles(missionFiles(dir));
    } catch (IOException e) {
      return invalid(dir, "cannot list it: " + e.getMessage());
    }
  }

  /** The given files (each listed once), checked together for duplicate names and commands. */
  public LoadResult loadFiles(List<Path> files) {
    return loadFiles(files, MissionCatalog.empty());
  }

  /** The same, leaving alone the names and commands of {@code taken} (see {@link #loadSources}). */
  public LoadResult loadFiles(List<Path> files, MissionCatalog taken) {
    Set<Path> distinct = new LinkedHashSet<>();
    files.forEach(f -> distinct.add(f.toAbsolutePath().normalize()));
    List<MissionSource> sources = new ArrayList<>();
    List<Problem> unreadable = new ArrayList<>();
    for (Path absolute : distinct) {
      Path shown =
          files.stream()
              .filter(f -> f.toAbsolutePath().normalize().equals(absolute))
              .findFirst()
              .orElse(absolute);
      try {
        Optional<MissionSource> source =
            MissionSource.decode(shown.toString(), Files.readAllBytes(absolute));
        if (source.isPresent()) {
          sources.add(source.get());
        } else {
          unreadable.add(new Problem(shown.toString(), 0, 0, NOT_UTF8));
        }
      } catch (IOException e) {
        unreadable.add(new Problem(shown.toString(), 0, 0, "cannot read it: " + e.getMessage()));
      }
    }
    LoadResult loaded = loadSources(sources, taken);
    if (unreadable.isEmpty()) {
      return loaded;
    }
    List<Problem> all = new ArrayList<>(unreadable);
    all.addAll(loaded.problems());
    return new LoadResult.Invalid(all, loaded.catalog());
  }

  /** Mission texts from anywhere (files, or a repository's default branch). */
  public LoadResult loadSources(List<MissionSource> sources) {
    return loadSources(sources, MissionCatalog.empty());
  }

  /**
   * Mission texts that must also leave the words of {@code taken} alone: a repository's missions
   * next to the global ones, which win (as built-ins win over missions). A name or command that
   * {@code taken} already uses is a problem at its position, and only that file's mission is lost.
   */
  public LoadResult loadSources(List<MissionSource> sources, MissionCatalog taken) {
    List<LoadedFile> files = new ArrayList<>();
    for (MissionSource source : sources) {
      files.add(loadOne(source));
    }
    CrossFileCheck.run(files, taken);
    List<Problem> problems = new ArrayList<>();
    List<Mission> valid = new ArrayList<>();
    for (LoadedFile f : files) {
      List<Problem> own = new ArrayList<>(f.problems().list());
      own.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
      problems.addAll(own);
      if (own.isEmpty()) {
        f.mission().ifPresent(valid::add);
      }
    }
    MissionCatalog catalog = MissionCatalog.of(valid);
    return problems.isEmpty()
        ? new LoadResult.Loaded(catalog)
        : new LoadResult.Invalid(problems, catalog);
  }

  private LoadedFile loadOne(MissionSource source) {
    Problems problems = new Problems(source.origin());
    Optional<RawMission> raw =
        YamlTree.parse(source.text(), problems).flatMap(root -> RawReader.read(root, problems));
    Optional<Mission> mission = raw.flatMap(r -> MissionValidator.validate(r, scope, problems));
    return new LoadedFile(raw, mission, problems);
  }

  private static LoadResult invalid(Path dir, String message) {
    return new LoadResult.Invalid(
        List.of(new Problem(dir.toString(), 0, 0, message)), MissionCatalog.empty());
  }

  /** One file's outcome before names and commands are compared across files. */
  record LoadedFile(Optional<RawMission> raw, Optional<Mission> mission, Problems problems) {}
}
