package dev.orchestrator.github;

import dev.orchestrator.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;

/**
 * The lanes: an {@link AuthorizedClient} for the App JWT, one per installation, or the one token,
 * and a kohsuke {@link GitHub} over each (built once; kohsuke's rate-limit and abuse handlers fail
 * fast, so kohsuke never sleeps a thread). Also remembers which installation reaches a repository.
 * A view sends with one {@link Priority}; every view shares the same state.
 */
final class Clients {
  /** How long a fetched repository (default branch, kohsuke's handle) is reused. */
  static final Duration REPOSITORY_TTL = Duration.ofMinutes(10);

  private record CachedRepository(GHRepository repository, Instant fetchedAt) {}

  /** What every view shares. */
  private static final class Shared {
    final HttpTransport transport;
    final URI apiRoot;
    final Clock clock;
    final Optional<AuthorizedClient> app;
    final Optional<InstallationTokens> installations;
    final Optional<AuthorizedClient> token;
    final Map<String, AuthorizedClient> byLane = new ConcurrentHashMap<>();
    final Map<String, GitHub> kohsukeByLane = new ConcurrentHashMap<>();
    final Map<String, Long> installationByRepo = new ConcurrentHashMap<>();
    final Map<String, CachedRepository> repositories = new ConcurrentHashMap<>();
    final Set<String> unsettled = ConcurrentHashMap.newKeySet();

    Shared(
        HttpTransport transport,
        URI apiRoot,
        Optional<AppAuth> auth,
        Optional<Secret> token,
        Clock clock) {
      this.transport = transport;
      this.apiRoot = apiRoot;
      this.clock = clock;
      this.app = auth.map(a -> new AuthorizedClient(transport, apiRoot, TokenSource.app(a)));
      this.installations = app.map(a -> new InstallationTokens(a, clock));
      this.token = token.map(t -> new AuthorizedClient(transport, apiRoot, TokenSource.fixed(t)));
    }
  }

  private final Shared shared;
  private final Priority priority;

  private Clients(Shared shared, Priority priority) {
    this.shared = shared;
    this.priority = priority;
  }

  static Clients app(HttpTransport transport, URI apiRoot, AppAuth auth, Clock clock) {
    return new Clients(
        new Shared(transport, apiRoot, Optional.of(auth), Optional.empty(), clock),
        Priority.BACKGROUND);
  }

  static Clients token(HttpTransport transport, URI apiRoot, Secret token, Clock clock) {
    return new Clients(
        new Shared(transport, apiRoot, Optional.empty(), Optional.of(token), clock),
        Priority.BACKGROUND);
  }

  /** The same lanes, sending with {@code p}. */
  Clients withPriority(Priority p) {
    return p == priority ? this : new Clients(shared, p);
  }

  HttpTransport transport() {
    return shared.transport;
  }

  /**
   * Marked comments whose creation had an unknown outcome and that were not found afterwards,
   * shared by every priority's gateway.
   */
  Set<String> unsettled() {
    return shared.unsettled;
  }

  /** The App JWT lane; fails in token mode. */
  GitHubResult<AuthorizedClient> app(String what) {
    return shared
        .app
        .<GitHubResult<AuthorizedClient>>map(a -> new GitHubResult.Ok<>(a.withPriority(priority)))
        .orElseGet(
            () ->
                new GitHubResult.Failed<>(
                    0, what + ": needs App mode (set APP_ID and PRIVATE_KEY_PATH)", false));
  }

  /** The lane that acts on {@code repo}: its installation (looked up if unknown) or the token. */
  GitHubResult<AuthorizedClient> forRepo(Repo repo, String what) {
    if (shared.token.isPresent()) {
      return new GitHubResult.Ok<>(shared.token.get().withPriority(priority));
    }
    return installationId(repo, what).map(this::installation);
  }

  /**
   * The App's installation on {@code repo}: the one it names, one found by an earlier lookup, or
   * looked up now.
   */
  GitHubResult<Long> installationId(Repo repo, String what) {
    if (repo.installation().isPresent()) {
      return new GitHubResult.Ok<>(repo.installation().getAsLong());
    }
    Long known = shared.installationByRepo.get(repo.fullName());
    return known != null ? new GitHubResult.Ok<>(known) : lookupInstallation(repo, what);
  }

  GitHubResult<Long> lookupInstallation(Repo repo, String what) {
    String context = what + ": finding the installation of \"" + repo + "\"";
    GitHubResult<AuthorizedClient> app = app(context);
    if (!(app instanceof GitHubResult.Ok<AuthorizedClient> ok)) {
      return app.map(x -> 0L);
    }
    GitHubRequest request =
        GitHubRequest.get(
            GitHubRequest.path("/repos/%s/%s/installation", repo.owner(), repo.name()));
    GitHubResult<Long> id =
        Calls.expect(ok.value().send(request), context, r -> r.json().path("id").asLong());
    id.optional().ifPresent(v -> shared.installationByRepo.put(repo.fullName(), v));
    return id;
  }

  /** The token lane ({@code GITHUB_TOKEN}), in token mode. */
  Optional<AuthorizedClient> token() {
    return shared.token.map(t -> t.withPriority(priority));
  }

  /** An installation's lane (App mode only). */
  AuthorizedClient installation(long id) {
    return shared
        .byLane
        .computeIfAbsent(
            "installation:" + id,
            lane ->
                new AuthorizedClient(
                    shared.transport,
                    shared.apiRoot,
                    shared.installations.orElseThrow().forInstallation(id)))
        .withPriority(priority);
  }

  /** kohsuke over {@code client}'s lane and priority. */
  GitHub kohsuke(AuthorizedClient client) throws IOException {
    String key = client.lane() + " " + client.priority();
    GitHub gh = shared.kohsukeByLane.get(key);
    if (gh != null) {
      return gh;
    }
    GitHub built =
        new GitHubBuilder()
            .withEndpoint(shared.apiRoot.toString())
            .withConnector(new KohsukeConnector(client))
            .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
            .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
            .build();
    GitHub raced = shared.kohsukeByLane.putIfAbsent(key, built);
    return raced == null ? built : raced;
  }

  /**
   * kohsuke's handle on {@code repo}, fetched once ({@code GET /repos/{owner}/{repo}}) and reused
   * for {@link #REPOSITORY_TTL}.
   */
  GHRepository repository(AuthorizedClient client, Repo repo) throws IOException {
    String key = client.lane() + " " + client.priority() + " " + repo.fullName();
    CachedRepository cached = shared.repositories.get(key);
    Instant now = shared.clock.instant();
    if (cached != null && cached.fetchedAt().plus(REPOSITORY_TTL).isAfter(now)) {
      return cached.repository();
    }
    GHRepository fetched = kohsuke(client).getRepository(repo.fullName());
    shared.repositories.put(key, new CachedRepository(fetched, now));
    return fetched;
  }
}
