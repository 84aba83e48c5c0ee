package dev.orchestrator.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.github.GitHubResult;
import dev.orchestrator.github.Repo;
import dev.orchestrator.github.RepoFile;
import dev.orchestrator.github.Tagged;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.MissionCatalog;
import dev.orchestrator.mission.Problem;
import dev.orchestrator.mission.RepositoryConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The missions each repository may run: the global catalog, less what its {@code .github/agent.yml}
 * disables, and which of them its events trigger. The file is read from the default branch with a
 * conditional request, kept, and read again after a push to the default branch touches {@code
 * .github/agent*} (or after {@link #REVALIDATE_AFTER}, as a safety net).
 */
public final class RepositoryCatalogs {
  public static final Duration REVALIDATE_AFTER = Duration.ofMinutes(30);

  /** What a repository may run, and the problems of its configuration. */
  public record View(List<Mission> missions, RepositoryConfig config, List<Problem> problems) {
    public Optional<Mission> mission(String name) {
      return missions.stream().filter(m -> m.name().equals(name)).findFirst();
    }
  }

  private record Cached(
      RepositoryConfig config, List<Problem> problems, Optional<String> etag, Instant at) {}

  private final MissionCatalog global;
  private final GitHubGateway gateway;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public RepositoryCatalogs(MissionCatalog global, GitHubGateway gateway, Clock clock) {
    this.global = global;
    this.gateway = gateway;
    this.clock = clock;
  }

  public MissionCatalog global() {
    return global;
  }

  public View forRepository(Repo repo) {
    Cached c = config(repo);
    List<Mission> available =
        global.missions().stream()
            .filter(m -> !c.config().disables(m.name()))
            .collect(Collectors.toList());
    return new View(available, c.config(), c.problems());
  }

  private Cached config(Repo repo) {
    String key = repo.fullName().toLowerCase(Locale.ROOT);
    Cached cached = cache.get(key);
    Instant now = clock.instant();
    if (cached != null && cached.at().plus(REVALIDATE_AFTER).isAfter(now)) {
      return cached;
    }
    GitHubResult<Optional<Tagged<RepoFile>>> r =
        gateway.getFile(
            repo,
            RepositoryConfig.PATH,
            Optional.empty(),
            cached == null ? Optional.empty() : cached.etag());
    Cached fresh;
    if (r instanceof GitHubResult.NotFound) {
      fresh = new Cached(RepositoryConfig.absent(), List.of(), Optional.empty(), now);
    } else if (!r.isOk()) {
      // GitHub is failing: keep what we had; without anything, assume no opt-in (safe default).
      return cached != null
          ? cached
          : new Cached(
              RepositoryConfig.absent(), List.of(), Optional.empty(), now.minus(REVALIDATE_AFTER));
    } else if (r.orElseThrow().isEmpty() && cached != null) {
      fresh = new Cached(cached.config(), cached.problems(), cached.etag(), now); // 304
    } else {
      Tagged<RepoFile> file = r.orElseThrow().orElseThrow();
      String text = new String(file.value().content(), StandardCharsets.UTF_8);
      Set<String> names = global.missions().stream().map(Mission::name).collect(Collectors.toSet());
      RepositoryConfig.Parsed parsed = RepositoryConfig.parse(text, names);
      fresh =
          parsed instanceof RepositoryConfig.Parsed.Ok ok
              ? new Cached(ok.config(), List.of(), file.etag(), now)
              : new Cached(
                  RepositoryConfig.absent(),
                  ((RepositoryConfig.Parsed.Invalid) parsed).problems(),
                  file.etag(),
                  now);
    }
    cache.put(key, fresh);
    return fresh;
  }

  /** Forgets a repository's configuration when a push to its default branch touched it. */
  public boolean onPush(JsonNode push) {
    String ref = push.path("ref").asText();
    String defaultBranch = push.path("repository").path("default_branch").asText();
    if (!ref.equals("refs/heads/" + defaultBranch)) {
      return false;
    }
    boolean touched = false;
    for (JsonNode commit : push.path("commits")) {
      for (String kind : new String[] {"added", "modified", "removed"}) {
        for (JsonNode path : commit.path(kind)) {
          touched |= path.asText().startsWith(".github/agent");
        }
      }
    }
    if (touched) {
      cache.remove(push.path("repository").path("full_name").asText().toLowerCase(Locale.ROOT));
    }
    return touched;
  }
}
