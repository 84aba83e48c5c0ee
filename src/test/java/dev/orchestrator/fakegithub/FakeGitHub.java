package dev.orchestrator.fakegithub;

import dev.orchestrator.fakegithub.auth.JwtVerifier;
import dev.orchestrator.fakegithub.auth.TestJwt;
import dev.orchestrator.fakegithub.auth.TestKeys;
import dev.orchestrator.fakegithub.auth.Tokens;
import dev.orchestrator.fakegithub.faults.Faults;
import dev.orchestrator.fakegithub.http.FakeServer;
import dev.orchestrator.fakegithub.http.RateLimits;
import dev.orchestrator.fakegithub.http.RecordedRequest;
import dev.orchestrator.fakegithub.http.RequestLog;
import dev.orchestrator.fakegithub.http.Route;
import dev.orchestrator.fakegithub.openapi.OpenApiIndex;
import dev.orchestrator.fakegithub.routes.GitHubRoutes;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.Deliveries;
import dev.orchestrator.fakegithub.state.FakeApp;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.Installation;
import dev.orchestrator.fakegithub.state.World;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A GitHub for tests: real HTTP on 127.0.0.1, routes held to GitHub's REST description, state that
 * tests seed and inspect, app JWTs and installation tokens, rate limits, conditional requests,
 * fault injection and a request log.
 *
 * <pre>{@code
 * try (FakeGitHub github = FakeGitHub.start()) {
 *   FakeRepo repo = github.repo("octo", "hello");
 *   int n = repo.add(IssueSeed.issue("Crash on start")).number();
 *   // point the product at github.apiUrl(), with APP_ID github.appId() and
 *   // PRIVATE_KEY github.keys().pkcs1Pem(); then:
 *   assertThat(github.comments("octo", "hello", n)).hasSize(1);
 *   github.assertNoUnknownRoutes();
 * }
 * }</pre>
 */
public final class FakeGitHub implements AutoCloseable {
  private final FakeServer server;
  private final World world;
  private final Tokens tokens;
  private final RateLimits limits;
  private final Faults faults;
  private final RequestLog log;
  private final TestKeys keys;
  private final Clock clock;
  private final String webhookSecret;
  private final List<String> routeKeys;
  private final WebhookSender webhooks;

  FakeGitHub(FakeGitHubBuilder b, OpenApiIndex index) {
    this.clock = b.clock;
    this.keys = b.keys;
    this.webhookSecret = b.webhookSecret;
    this.world =
        new World(
            clock,
            new FakeApp(
                b.appId,
                b.appSlug,
                b.appName,
                b.installations.get(0).account(),
                "Iv1.fake" + b.appId,
                FakeAppDefaults.PERMISSIONS,
                FakeAppDefaults.EVENTS));
    b.installations.forEach(world::install);
    this.tokens = new Tokens(clock);
    this.limits = new RateLimits(clock);
    this.faults = new Faults(clock);
    this.log = new RequestLog();
    JwtVerifier jwt = new JwtVerifier(keys.publicKey(), b.appId, world.app().clientId(), clock);
    List<Route> routes =
        new ArrayList<>(GitHubRoutes.all(world, index, tokens, limits, keys, log, webhookSecret));
    routes.addAll(b.extraRoutes);
    this.routeKeys = routes.stream().map(Route::key).toList();
    this.webhooks = new WebhookSender(b.appId);
    this.server =
        FakeServer.start(
            routes, new FakeServer.Parts(index, world, tokens, jwt, limits, faults, log, clock));
  }

  /** Starts a fake with the defaults (system clock, app 4242, installation 1 on {@code octo}). */
  public static FakeGitHub start() {
    return builder().start();
  }

  /** A builder for a fake with a test clock, another app, or more installations. */
  public static FakeGitHubBuilder builder() {
    return new FakeGitHubBuilder();
  }

  /**
   * The REST root GHES-style: {@code http://127.0.0.1:PORT/api/v3} (for {@code GITHUB_API_URL}).
   */
  public String apiUrl() {
    return rootUrl() + "/api/v3";
  }

  /** The bare root, {@code http://127.0.0.1:PORT}; the API is served here too. */
  public String rootUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The web root ({@code GITHUB_URL}), which {@code html_url} fields point into. */
  public String webUrl() {
    return rootUrl();
  }

  /** The routes served, as {@code METHOD template} in the description's spelling. */
  public List<String> routes() {
    return routeKeys;
  }

  /** The app's id (the JWT {@code iss}, {@code APP_ID}). */
  public long appId() {
    return world.app().id();
  }

  /** The app. */
  public FakeApp app() {
    return world.app();
  }

  /** The app's key pair: {@code keys().pkcs1Pem()}, {@code keys().pkcs8Pem()}. */
  public TestKeys keys() {
    return keys;
  }

  /** A valid app JWT for the fake's clock, for tests that call app routes themselves. */
  public String appJwt() {
    return TestJwt.valid(keys, appId(), clock.instant());
  }

  /** The webhook secret an app-manifest conversion hands out. */
  public String webhookSecret() {
    return webhookSecret;
  }

  /** All of the fake's state. */
  public World world() {
    return world;
  }

  /** A repository, created on first mention (default branch {@code main}). */
  public FakeRepo repo(String owner, String name) {
    return world.repo(owner, name);
  }

  /** A repository with another default branch than {@code main}, created now. */
  public FakeRepo repo(String owner, String name, String defaultBranch) {
    return world.repo(owner, name, defaultBranch);
  }

  /** Installs the app on an organization (every repository of it). */
  public Installation install(long installationId, String organization) {
    return world.install(new Installation(installationId, organization, "Organization", Set.of()));
  }

  /** A fresh personal access token of {@code login} that the fake accepts. */
  public String personalAccessToken(String login) {
    String token = "ghp_" + UUID.randomUUID().toString().replace("-", "");
    tokens.addPersonal(token, login);
    return token;
  }

  /** An installation token issued directly (not through the API, not counted as minted). */
  public String installationToken(long installationId) {
    world
        .installation(installationId)
        .orElseThrow(() -> new IllegalArgumentException("no installation " + installationId));
    return tokens.issue(installationId, world.app().permissions()).token();
  }

  /** Every installation token the fake has handed out (values), for leak searches. */
  public List<String> installationTokenValues() {
    return tokens.installationTokenValues();
  }

  /** How many installation tokens were minted through {@code POST …/access_tokens}. */
  public int tokensMinted() {
    return tokens.minted();
  }

  /** The app's webhook deliveries and redelivery attempts. */
  public Deliveries deliveries() {
    return world.deliveries();
  }

  /**
   * Sends redeliveries to the app's webhook URL {@code url}, signed with {@code secret}, as GitHub
   * does (until this is called, a redelivery is listed as a success and sent nowhere). Call it
   * again when the receiver comes back on another port.
   */
  public void webhookTarget(URI url, String secret) {
    webhooks.target(url, secret);
    world.deliveries().receiver(webhooks);
  }

  /**
   * The app has a webhook URL, but its receiver is away (starting, restarting on another port):
   * redeliveries asked for meanwhile wait for the next {@link #webhookTarget}.
   */
  public void webhookTargetAway() {
    webhooks.away();
    world.deliveries().receiver(webhooks);
  }

  /** A one-time code for {@code POST /app-manifests/{code}/conversions}. */
  public String newManifestCode() {
    return world.newManifestCode();
  }

  /** Armed faults: {@code faults().on("POST", "/repos/**").once(Fault.status(502))}. */
  public Faults faults() {
    return faults;
  }

  /** Rate limits: {@code rateLimits().setLimit("core", 3)} to run a caller dry quickly. */
  public RateLimits rateLimits() {
    return limits;
  }

  /** The request log. */
  public RequestLog log() {
    return log;
  }

  /** Every request so far. */
  public List<RecordedRequest> requests() {
    return log.all();
  }

  /**
   * Requests with this method and exact path, e.g. {@code ("POST",
   * "/repos/o/r/issues/1/comments")}.
   */
  public List<RecordedRequest> requests(String method, String path) {
    return log.matching(method, path);
  }

  /** The comments on an issue or pull request, oldest first. */
  public List<Comment> comments(String owner, String repo, int number) {
    return world
        .findRepo(owner, repo)
        .map(r -> r.comments().on(number))
        .orElseThrow(() -> new IllegalArgumentException("no repository " + owner + "/" + repo));
  }

  /** Unknown routes, undocumented query parameters, unmodelled fields and queries so far. */
  public List<String> problems() {
    return log.problems();
  }

  /** Fails the test (call it in {@code @AfterEach}) if the fake met a route it does not know. */
  public void assertNoUnknownRoutes() {
    List<String> problems = log.problems();
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "the fake GitHub was asked for things GitHub's description (or the fake) lacks:\n  "
              + String.join("\n  ", problems));
    }
  }

  @Override
  public void close() {
    webhooks.close();
    server.close();
  }
}
