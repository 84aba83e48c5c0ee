package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.config.Secret;
import dev.orchestrator.config.Settings;
import dev.orchestrator.fakegithub.FakeGitHub;
import dev.orchestrator.fakegithub.http.RecordedRequest;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The production gateway ({@link GitHubAccess#open} over {@link HttpTransport#create}) pointed at a
 * {@link FakeGitHub}, in App mode (PKCS#1 or PKCS#8 key) or token mode. The fake, the transport and
 * the App JWT share one {@link MutableClock}, and the transport waits by moving that clock, so
 * token expiry and back-off are tested without sleeping.
 */
final class FakeGitHubFixture implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String OWNER = "octo";
  static final String NAME = "hello";

  /** How the gateway authenticates. */
  enum Mode {
    /** {@code APP_ID} and the key as GitHub issues it ({@code BEGIN RSA PRIVATE KEY}). */
    APP_PKCS1,
    /** {@code APP_ID} and the same key as PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    APP_PKCS8,
    /** {@code GITHUB_TOKEN}: a personal access token of {@code octocat}. */
    TOKEN;

    boolean app() {
      return this != TOKEN;
    }
  }

  final Mode mode;
  final MutableClock clock = MutableClock.at(T0);
  final RecordingWaiter waiter = new RecordingWaiter(clock);
  final FakeGitHub github;
  final FakeRepo repo;
  final HttpTransport transport;
  final GitHubAccess access;

  /** The repository as the product names it: installation unknown, so App mode looks it up. */
  final Repo target = Repo.of(OWNER + "/" + NAME);

  private FakeGitHubFixture(Mode mode, TransportConfig config, GovernorConfig governor) {
    this.mode = mode;
    this.github = FakeGitHub.builder().clock(clock).start();
    this.repo = github.repo(OWNER, NAME);
    this.transport = HttpTransport.create(config, governor, clock, waiter);
    GitHubAccess.Opened opened = GitHubAccess.open(settings(), clock, transport);
    if (!(opened instanceof GitHubAccess.Opened.Ready ready)) {
      github.close();
      throw new IllegalStateException("the gateway did not open against the fake: " + opened);
    }
    this.access = ready.access();
  }

  static FakeGitHubFixture start(Mode mode) {
    return new FakeGitHubFixture(mode, relaxed(), withoutBreaker());
  }

  static FakeGitHubFixture start(Mode mode, TransportConfig config) {
    return new FakeGitHubFixture(mode, config, withoutBreaker());
  }

  /** With the rate-limit governor's policy {@code governor}. */
  static FakeGitHubFixture start(Mode mode, GovernorConfig governor) {
    return new FakeGitHubFixture(mode, relaxed(), governor);
  }

  /**
   * The governor's defaults, except that the per-installation breaker never opens: these tests
   * inject faults on purpose and check what each single request does (the breaker has its own).
   */
  static GovernorConfig withoutBreaker() {
    GovernorConfig d = GovernorConfig.defaults();
    return new GovernorConfig(
        d.reserveRatio(),
        d.mutationSpacing(),
        d.mutationsPerMinute(),
        d.mutationsPerHour(),
        d.secondaryWait(),
        d.secondaryMaxWait(),
        d.maxInlineWait(),
        d.maxThrottledSends(),
        1000,
        1000,
        d.breakerFailurePercent(),
        d.breakerOpenFor(),
        d.etagCacheEntries());
  }

  /** Timeouts a loaded machine never hits on a healthy loopback request. */
  static TransportConfig relaxed() {
    return new TransportConfig(
        Duration.ofSeconds(5),
        Duration.ofSeconds(20),
        3,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30));
  }

  /**
   * A request timeout short enough to wait out in a test, yet long enough for a warmed-up request
   * on a busy machine: tests send one ordinary request first.
   */
  static TransportConfig shortTimeouts() {
    return new TransportConfig(
        Duration.ofSeconds(2),
        Duration.ofMillis(1500),
        3,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30));
  }

  private Settings.GitHub settings() {
    Optional<Long> appId = mode.app() ? Optional.of(github.appId()) : Optional.empty();
    Optional<Secret> key =
        switch (mode) {
          case APP_PKCS1 -> Optional.of(Secret.of(github.keys().pkcs1Pem()));
          case APP_PKCS8 -> Optional.of(Secret.of(github.keys().pkcs8Pem()));
          case TOKEN -> Optional.empty();
        };
    Optional<Secret> token =
        mode.app()
            ? Optional.empty()
            : Optional.of(Secret.of(github.personalAccessToken("octocat")));
    return new Settings.GitHub(
        appId,
        key,
        Optional.empty(),
        token,
        Optional.empty(),
        Optional.empty(),
        URI.create(github.apiUrl()),
        URI.create(github.webUrl()));
  }

  GitHubGateway gateway() {
    return access.gateway();
  }

  /**
   * What every test ends with: nothing outside GitHub's description was asked for, and every
   * request carried our {@code User-Agent}.
   */
  void verify() {
    github.assertNoUnknownRoutes();
    for (RecordedRequest r : github.requests()) {
      assertThat(r.header("User-Agent"))
          .as("User-Agent of %s", r)
          .contains(TransportConfig.USER_AGENT);
    }
  }

  @Override
  public void close() {
    github.close();
  }
}
