package dev.orchestrator.dispatch;

import dev.orchestrator.command.Permission;
import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.github.GitHubResult;
import dev.orchestrator.github.Repo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Collaborator permission per repository and user, from GitHub, kept a few minutes. */
public final class PermissionCache {
  public static final Duration TTL = Duration.ofMinutes(5);

  private record Entry(Permission permission, Instant at) {}

  private final GitHubGateway gateway;
  private final Clock clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  public PermissionCache(GitHubGateway gateway, Clock clock) {
    this.gateway = gateway;
    this.clock = clock;
  }

  /** The user's level, or empty when GitHub could not be asked (the command is not run). */
  public Optional<Permission> of(Repo repo, String login) {
    String key = repo.fullName().toLowerCase(Locale.ROOT) + "\n" + login.toLowerCase(Locale.ROOT);
    Entry e = cache.get(key);
    Instant now = clock.instant();
    if (e != null && e.at().plus(TTL).isAfter(now)) {
      return Optional.of(e.permission());
    }
    GitHubResult<dev.orchestrator.github.Permission> r = gateway.permission(repo, login);
    if (!r.isOk()) {
      return Optional.empty();
    }
    dev.orchestrator.github.Permission p = r.orElseThrow();
    Permission level = Permission.fromGitHub(p.roleName(), p.legacy());
    cache.put(key, new Entry(level, now));
    return Optional.of(level);
  }
}
