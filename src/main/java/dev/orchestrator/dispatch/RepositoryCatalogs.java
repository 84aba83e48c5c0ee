package dev.orchestrator.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.github.Repo;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.MissionCatalog;
import dev.orchestrator.mission.Problem;
import dev.orchestrator.mission.RepositoryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The missions each repository may run: the global catalog and the repository's own missions
 * ({@code .github/agent/missions/*.yml}), less what its {@code .github/agent.yml} disables, and
 * which of them its events trigger. Both are read from the default branch with conditional
 * requests, kept, and revalidated after a push to the default branch touches {@code .github/agent*}
 * (or after {@link #REVALIDATE_AFTER}, as a safety net). Global missions win a name or command that
 * a repository mission also claims; that repository mission is reported as a problem.
 */
public final class RepositoryCatalogs {
  public static final Duration REVALIDATE_AFTER = Duration.ofMinutes(30);

  /** What a repository may run, and the problems of its configuration and missions. */
  public record View(List<Mission> missions, RepositoryConfig config, List<Problem> problems) {
    public View {
      missions = List.copyOf(missions);
      problems = List.copyOf(problems);
    }

    public Optional<Mission> mission(String name) {
      return missions.stream().filter(m -> m.name().equals(name)).findFirst();
    }
  }

  /**
   * What an event may trigger in a repository ({@link Known}), or that it cannot be known now:
   * GitHub could not serve the repository's {@code .github/agent.yml} and nothing of it is kept, so
   * whether the repository opted in is unknown ({@link Unknown}).
   */
  public sealed interface Triggers {
    /** The repository's view. */
    record Known(View view) implements Triggers {}

    /** Whether the repository opted in is unknown; why, for people. */
    record Unknown(String reason) implements Triggers {}
  }

  /** A value read at {@code generation}; a push touching its files starts a new generation. */
  private record Kept<T>(T value, long generation, Instant at) {}

  /** One repository's cached files and the generation counters that pushes advance. */
  private static final class Slot {
    final AtomicLong configGeneration = new AtomicLong();
    final AtomicLong missionsGeneration = new AtomicLong();
    volatile Kept<RepositoryConfigFile.Snapshot> config;
    volatile Kept<RepositoryMissions.Snapshot> missions;
  }

  private final MissionCatalog global;
  private final RepositoryConfigFile configFile;
  private final RepositoryMissions repositoryMissions;
  private final Clock clock;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  public RepositoryCatalogs(MissionCatalog global, GitHubGateway gateway, Clock clock) {
    this.global = global;
    this.configFile = new RepositoryConfigFile(gateway);
    this.repositoryMissions = new RepositoryMissions(gateway, global);
    this.clock = clock;
  }

  public MissionCatalog global() {
    return global;
  }

  /**
   * Everything a command may use here: global and repository missions, and every problem. When
   * GitHub cannot serve {@code .github/agent.yml} and nothing of it is kept, it counts as absent:
   * commands are explicit and permission-gated, and work without it.
   */
  public View forRepository(Repo repo) {
    Slot slot = slot(repo);
    RepositoryConfigFile.Read config = config(repo, slot);
    return view(
        config instanceof RepositoryConfigFile.Read.Fresh fresh
            ? fresh.snapshot()
            : RepositoryConfigFile.Snapshot.absent(),
        Optional.of(missions(repo, slot)));
  }

  /**
   * What an event may trigger here. Events start only what {@code .github/agent.yml} lists, so a
   * repository without that file is answered without listing its missions directory; one whose file
   * GitHub could not serve (nothing kept) is {@link Triggers.Unknown}, never taken for "not opted
   * in", which would drop the event.
   */
  public Triggers forEvents(Repo repo) {
    Slot slot = slot(repo);
    RepositoryConfigFile.Read read = config(repo, slot);
    if (read instanceof RepositoryConfigFile.Read.Failed failed) {
      return new Triggers.Unknown(
          "could not read " + RepositoryConfig.PATH + ": " + failed.reason());
    }
    RepositoryConfigFile.Snapshot config = ((RepositoryConfigFile.Read.Fresh) read).snapshot();
    if (config.text().isEmpty()) {
      return new Triggers.Known(view(config, Optional.empty()));
    }
    MissionsRead own = readMissions(repo, slot);
    if (own.unanswered().isPresent()) {
      // the event may name one of them: it waits, like an event whose agent.yml is unknown
      return new Triggers.Unknown(
          "could not read "
              + RepositoryMissions.DIRECTORY
              + ": "
              + own.unanswered().get().reason());
    }
    return new Triggers.Known(view(config, Optional.of(own.snapshot())));
  }

  /**
   * The mission a queued run names: a global one (whatever the repository disabled since), else the
   * repository's own, read as the repository has it now.
   */
  public Optional<Mission> missionOf(Repo repo, String name) {
    return global.byName(name).or(() -> forRepository(repo).mission(name));
  }

  private View view(
      RepositoryConfigFile.Snapshot config, Optional<RepositoryMissions.Snapshot> missions) {
    List<Mission> own = missions.map(m -> m.loaded().catalog().missions()).orElse(List.of());
    Set<String> known = new HashSet<>();
    global.missions().forEach(m -> known.add(m.name()));
    own.forEach(m -> known.add(m.name()));
    List<Problem> problems = new ArrayList<>(config.problems());
    RepositoryConfig effective = RepositoryConfig.absent();
    if (config.text().isPresent()) {
      RepositoryConfig.Parsed parsed = RepositoryConfig.parse(config.text().get(), known);
      effective = parsed.config();
      if (parsed instanceof RepositoryConfig.Parsed.Invalid invalid) {
        problems.addAll(invalid.problems());
      }
    }
    missions.ifPresent(m -> problems.addAll(m.loaded().problems()));
    List<Mission> available = new ArrayList<>();
    for (Mission m : global.missions()) {
      if (!effective.disables(m.name())) {
        available.add(m);
      }
    }
    for (Mission m : own) {
      if (!effective.disables(m.name())) {
        available.add(m);
      }
    }
    return new View(available, effective, problems);
  }

  private Slot slot(Repo repo) {
    return slots.computeIfAbsent(key(repo.fullName()), k -> new Slot());
  }

  /**
   * The file as kept or read now; {@code Failed} only when GitHub could not answer and nothing is
   * kept. A refusal counts as no file and is not kept, so it is asked again next time.
   */
  private RepositoryConfigFile.Read config(Repo repo, Slot slot) {
    long generation = slot.configGeneration.get();
    Kept<RepositoryConfigFile.Snapshot> kept = slot.config;
    if (fresh(kept, generation)) {
      return new RepositoryConfigFile.Read.Fresh(kept.value());
    }
    RepositoryConfigFile.Read read =
        configFile.read(repo, Optional.ofNullable(kept).map(Kept::value));
    if (read instanceof RepositoryConfigFile.Read.Fresh fresh) {
      slot.config = new Kept<>(fresh.snapshot(), generation, clock.instant());
      return read;
    }
    // GitHub is failing: keep what we had (asked again next time); without anything, the caller
    // decides what an unknown file means
    if (kept != null) {
      return new RepositoryConfigFile.Read.Fresh(kept.value());
    }
    return read instanceof RepositoryConfigFile.Read.Refused
        ? new RepositoryConfigFile.Read.Fresh(RepositoryConfigFile.Snapshot.absent())
        : read;
  }

  private RepositoryMissions.Snapshot missions(Repo repo, Slot slot) {
    return readMissions(repo, slot).snapshot();
  }

  /**
   * The repository's own missions as read or kept; with nothing kept and GitHub not answering, none
   * (their problem says why) and the failure, for events to wait on.
   */
  private record MissionsRead(
      RepositoryMissions.Snapshot snapshot, Optional<RepositoryMissions.Read.Failed> unanswered) {}

  private MissionsRead readMissions(Repo repo, Slot slot) {
    long generation = slot.missionsGeneration.get();
    Kept<RepositoryMissions.Snapshot> kept = slot.missions;
    if (fresh(kept, generation)) {
      return new MissionsRead(kept.value(), Optional.empty());
    }
    RepositoryMissions.Read read =
        repositoryMissions.read(repo, Optional.ofNullable(kept).map(Kept::value));
    if (read instanceof RepositoryMissions.Read.Failed failed) {
      if (kept != null) {
        return new MissionsRead(kept.value(), Optional.empty()); // what we had; asked again
      }
      return new MissionsRead(
          unavailable(failed.reason()),
          failed.unanswered() ? Optional.of(failed) : Optional.empty());
    }
    RepositoryMissions.Snapshot snapshot = ((RepositoryMissions.Read.Fresh) read).snapshot();
    slot.missions = new Kept<>(snapshot, generation, clock.instant());
    return new MissionsRead(snapshot, Optional.empty());
  }

  private static RepositoryMissions.Snapshot unavailable(String reason) {
    return new RepositoryMissions.Snapshot(
        Optional.empty(),
        Map.of(),
        new dev.orchestrator.mission.LoadResult.Invalid(
            List.of(
                new Problem(
                    RepositoryMissions.DIRECTORY,
                    0,
                    0,
                    "could not be read, so this repository's own missions are unavailable for now ("
                        + reason
                        + ")")),
            MissionCatalog.empty()));
  }

  private <T> boolean fresh(Kept<T> kept, long generation) {
    return kept != null
        && kept.generation() == generation
        && kept.at().plus(REVALIDATE_AFTER).isAfter(clock.instant());
  }

  /**
   * Marks a repository's configuration and missions for revalidation when a push to its default
   * branch touched them. What was read stays, with its ETags: the next read is conditional, and
   * what did not change costs a free 304. True when anything was marked.
   */
  public boolean onPush(JsonNode push) {
    PushedPaths touched = PushedPaths.of(push);
    if (!touched.config() && !touched.missions()) {
      return false;
    }
    String name = push.path("repository").path("full_name").asText();
    Slot slot = slots.get(key(name));
    if (slot != null) {
      advance(slot, touched);
    }
    return true;
  }

  private static void advance(Slot slot, PushedPaths touched) {
    if (touched.config()) {
      slot.configGeneration.incrementAndGet();
    }
    if (touched.missions()) {
      slot.missionsGeneration.incrementAndGet();
    }
  }

  private static String key(String fullName) {
    return fullName.toLowerCase(Locale.ROOT);
  }
}
