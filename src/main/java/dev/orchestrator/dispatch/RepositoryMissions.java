package dev.orchestrator.dispatch;

import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.github.GitHubResult;
import dev.orchestrator.github.Repo;
import dev.orchestrator.github.RepoEntry;
import dev.orchestrator.github.RepoFile;
import dev.orchestrator.github.Tagged;
import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.MissionCatalog;
import dev.orchestrator.mission.MissionLoader;
import dev.orchestrator.mission.MissionSource;
import dev.orchestrator.mission.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a repository's {@code .github/agent/missions/*.yml} from its default branch through the
 * contents API: the directory listing with a conditional request (an unchanged directory is a 304,
 * free of quota, and nothing else is read), then each mission file whose blob sha is new, also
 * conditionally. The texts are validated by the repository loader (no destructive tools) next to
 * the global missions, whose names and commands win. A broken file costs only its own mission.
 */
final class RepositoryMissions {
  /** Where a repository keeps its missions, relative to its root. */
  static final String DIRECTORY = ".github/agent/missions";

  /**
   * A mission is a page of YAML; the cap keeps what is cached per repository small (the contents
   * API would inline up to 1 MB).
   */
  static final long MAX_FILE_BYTES = 100_000;

  /** Each new file costs a request; more mission files than this are not read. */
  static final int MAX_FILES = 100;

  /** One mission file as last read: its blob sha, ETag and bytes. */
  record Fetched(String sha, Optional<String> etag, byte[] bytes) {
    Fetched {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /**
   * What a read found: the listing's ETag, the files read (by path), and what the loader made of
   * them.
   */
  record Snapshot(Optional<String> etag, Map<String, Fetched> files, LoadResult loaded) {
    Snapshot {
      files = Map.copyOf(files);
    }

    static Snapshot none() {
      return new Snapshot(
          Optional.empty(), Map.of(), new LoadResult.Loaded(MissionCatalog.empty()));
    }
  }

  /** The outcome of reading: a snapshot, or why GitHub could not be asked. */
  sealed interface Read {
    record Fresh(Snapshot snapshot) implements Read {}

    /**
     * The directory or a file in it could not be read; {@code unanswered}: GitHub did not say (5xx,
     * timeout, rate limit, no token) rather than refuse.
     */
    record Failed(String reason, boolean unanswered) implements Read {
      Failed(String reason) {
        this(reason, false);
      }

      /** Failed with {@code result}, which was not an answer. */
      static Failed of(GitHubResult<?> result) {
        return new Failed(
            result.describe(), !(result instanceof GitHubResult.Failed<?> f) || f.infrastructure());
      }
    }
  }

  private final GitHubGateway gateway;
  private final MissionCatalog global;
  private final MissionLoader loader = MissionLoader.repository();

  RepositoryMissions(GitHubGateway gateway, MissionCatalog global) {
    this.gateway = gateway;
    this.global = global;
  }

  /** Reads the directory again, reusing from {@code previous} whatever GitHub says is unchanged. */
  Read read(Repo repo, Optional<Snapshot> previous) {
    GitHubResult<Optional<Tagged<List<RepoEntry>>>> listed =
        gateway.listDirectory(repo, DIRECTORY, Optional.empty(), previous.flatMap(Snapshot::etag));
    if (listed instanceof GitHubResult.NotFound) {
      return new Read.Fresh(Snapshot.none());
    }
    if (!(listed instanceof GitHubResult.Ok<Optional<Tagged<List<RepoEntry>>>> ok)) {
      return Read.Failed.of(listed);
    }
    if (ok.value().isEmpty()) {
      if (previous.isPresent()) {
        return new Read.Fresh(previous.get()); // 304: not a file changed
      }
      return new Read.Failed("GitHub answered 304 to a listing that was never read");
    }
    Map<String, Fetched> before = previous.map(Snapshot::files).orElse(Map.of());
    List<Problem> problems = new ArrayList<>();
    List<MissionSource> sources = new ArrayList<>();
    Map<String, Fetched> files = new HashMap<>();
    for (RepoEntry e : missionFiles(ok.value().get().value(), problems)) {
      if (e.size() > MAX_FILE_BYTES) {
        problems.add(
            problem(
                e.path(),
                "larger than " + MAX_FILE_BYTES / 1000 + " kB; a mission file is a page of YAML"));
        continue;
      }
      Optional<Fetched> fetched;
      Fetched known = before.get(e.path());
      if (known != null && known.sha().equals(e.sha())) {
        fetched = Optional.of(known);
      } else {
        GitHubResult<Optional<Tagged<RepoFile>>> file =
            gateway.getFile(
                repo, e.path(), Optional.empty(), known == null ? Optional.empty() : known.etag());
        if (file instanceof GitHubResult.NotFound) {
          continue; // removed since the listing: the push that did it clears the cache again
        }
        if (!(file instanceof GitHubResult.Ok<Optional<Tagged<RepoFile>>> got)) {
          return Read.Failed.of(file);
        }
        fetched =
            got.value()
                .map(t -> new Fetched(t.value().sha(), t.etag(), t.value().content()))
                .or(() -> Optional.ofNullable(known)); // 304
      }
      if (fetched.isEmpty()) {
        return new Read.Failed("GitHub answered 304 for \"" + e.path() + "\", never read");
      }
      files.put(e.path(), fetched.get());
      Optional<MissionSource> source = MissionSource.decode(e.path(), fetched.get().bytes());
      if (source.isPresent()) {
        sources.add(source.get());
      } else {
        problems.add(problem(e.path(), MissionLoader.NOT_UTF8));
      }
    }
    return new Read.Fresh(new Snapshot(ok.value().get().etag(), files, load(sources, problems)));
  }

  private LoadResult load(List<MissionSource> sources, List<Problem> unreadable) {
    LoadResult loaded = loader.loadSources(sources, global);
    if (unreadable.isEmpty()) {
      return loaded;
    }
    List<Problem> all = new ArrayList<>(unreadable);
    all.addAll(loaded.problems());
    return new LoadResult.Invalid(all, loaded.catalog());
  }

  /**
   * The {@code *.yml} and {@code *.yaml} files of the listing, by name, at most {@link #MAX_FILES}.
   */
  private static List<RepoEntry> missionFiles(List<RepoEntry> listing, List<Problem> problems) {
    List<RepoEntry> files =
        listing.stream()
            .filter(RepoEntry::isFile)
            .filter(e -> e.name().matches(".*\\.ya?ml"))
            .sorted(Comparator.comparing(RepoEntry::name))
            .toList();
    if (files.size() <= MAX_FILES) {
      return files;
    }
    problems.add(
        problem(
            DIRECTORY,
            files.size() + " mission files; only the first " + MAX_FILES + " by name are read"));
    return files.subList(0, MAX_FILES);
  }

  private static Problem problem(String path, String message) {
    return new Problem(path, 0, 0, message);
  }
}
