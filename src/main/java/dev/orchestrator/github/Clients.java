package dev.orchestrator.github;

import dev.orchestrator.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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
 */
final class Clients {
  private final HttpTransport transport;
  private final URI apiRoot;
  private final Optional<AuthorizedClient> app;
  private final Optional<InstallationTokens> installations;
  private final Optional<AuthorizedClient> token;
  private final Map<String, AuthorizedClient> byLane = new ConcurrentHashMap<>();
  private final Map<String, GitHub> kohsukeByLane = new ConcurrentHashMap<>();
  private final Map<String, Long> installationByRepo = new ConcurrentHashMap<>();
  private final Map<String, CachedRepository> repositories = new ConcurrentHashMap<>();
  private final Clock clock;

  /** How long a fetched repository (default branch, kohsuke's handle) is reused. */
  static final Duration REPOSITORY_TTL = Duration.ofMinutes(10);

  private record CachedRepository(GHRepository repository, Instant fetchedAt) {}

  private Clients(
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

  static Clients app(HttpTransport transport, URI apiRoot, AppAuth auth, Clock clock) {
    return new Clients(transport, apiRoot, Optional.of(auth), Optional.empty(), clock);
  }

  static Clients token(HttpTransport transport, URI apiRoot, Secret token, Clock clock) {
    return new Clients(transport, apiRoot, Optional.empty(), Optional.of(token), clock);
  }

  HttpTransport transport() {
    return transport;
  }

  /** The App JWT lane; fails in token mode. */
  GitHubResult<AuthorizedClient> app(String what) {
    return app.<GitHubResult<AuthorizedClient>>map(GitHubResult.Ok::new)
        .orElseGet(
            () ->
                new GitHubResult.Failed<>(
                    0, what + ": needs App mode (set APP_ID and PRIVATE_KEY_PATH)", false));
  }

  /** The lane that acts on {@code repo}: its installation (looked up if unknown) or the token. */
  GitHubResult<AuthorizedClient> forRepo(Repo repo, String what) {
    if (token.isPresent()) {
      return new GitHubResult.Ok<>(token.get());
    }
    if (repo.installation().isPresent()) {
      return new GitHubResult.Ok<>(installation(repo.installation().getAsLong()));
    }
    Long known = installationByRepo.get(repo.fullName());
    if (known != null) {
      return new GitHubResult.Ok<>(installation(known));
    }
    return lookupInstallation(repo, what).map(this::installation);
  }

  GitHubResult<Long> lookupInstallation(Repo repo, String what) {
    String context = what + ": finding the installation of \"" + repo + "\"";
    if (app.isEmpty()) {
      return app(context).map(x -> 0L);
    }
    GitHubRequest request =
        GitHubRequest.get(
            GitHubRequest.path("/repos/%s/%s/installation", repo.owner(), repo.name()));
    GitHubResult<Long> id =
        Calls.expect(app.get().send(request), context, r -> r.json().path("id").asLong());
    id.optional().ifPresent(v -> installationByRepo.put(repo.fullName(), v));
    return id;
  }

  /** The token lane ({@code GITHUB_TOKEN}), in token mode. */
  Optional<AuthorizedClient> token() {
    return token;
  }

  /** An installation's lane (App mode only). */
  AuthorizedClient installation(long id) {
    return byLane.computeIfAbsent(
        "installation:" + id,
        lane ->
            new AuthorizedClient(
                transport, apiRoot, installations.orElseThrow().forInstallation(id)));
  }

  /** kohsuke over {@code client}'s lane. */
  GitHub kohsuke(AuthorizedClient client) throws IOException {
    GitHub gh = kohsukeByLane.get(client.lane());
    if (gh != null) {
      return gh;
    }
    GitHub built =
        new GitHubBuilder()
            .withEndpoint(apiRoot.toString())
            .withConnector(new KohsukeConnector(client))
            .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
            .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
            .build();
    GitHub raced = kohsukeByLane.putIfAbsent(client.lane(), built);
    return raced == null ? built : raced;
  }

  /**
   * kohsuke's handle on {@code repo}, fetched once ({@code GET /repos/{owner}/{repo}}) and reused
   * for {@link #REPOSITORY_TTL}: kohsuke's issue, pull-request and check-run calls hang off it.
   */
  GHRepository repository(AuthorizedClient client, Repo repo) throws IOException {
    String key = client.lane() + " " + repo.fullName();
    CachedRepository cached = repositories.get(key);
    Instant now = clock.instant();
    if (cached != null && cached.fetchedAt().plus(REPOSITORY_TTL).isAfter(now)) {
      return cached.repository();
    }
    GHRepository fetched = kohsuke(client).getRepository(repo.fullName());
    repositories.put(key, new CachedRepository(fetched, now));
    return fetched;
  }
}
