package dev.orchestrator.github;

import dev.orchestrator.config.Settings;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Builds the {@link GitHubGateway} from {@link Settings.GitHub}: App mode (APP_ID and a private
 * key), token mode (GITHUB_TOKEN) or none. The composition root calls {@link #open} once and keeps
 * the result: it owns the installation tokens, the rate-limit state, the ETag cache and the
 * per-installation breakers, which every gateway it hands out shares.
 */
public final class GitHubAccess {
  private final Map<Priority, GitHubGateway> gateways;
  private final HttpTransport transport;
  private final Clients clients;
  private final Settings.Mode mode;
  private final Clock clock;

  private GitHubAccess(Clients clients, HttpTransport transport, Settings.Mode mode, Clock clock) {
    this.clients = clients;
    this.clock = clock;
    this.gateways = new EnumMap<>(Priority.class);
    for (Priority p : Priority.values()) {
      gateways.put(p, new DefaultGitHubGateway(clients.withPriority(p)));
    }
    this.transport = transport;
    this.mode = mode;
  }

  /** What opening produced. */
  public sealed interface Opened {
    /** Ready to use. */
    record Ready(GitHubAccess access) implements Opened {}

    /** No credentials configured: offline runs and setup mode. */
    record NoCredentials() implements Opened {}

    /** The credentials cannot be used; the message names the variable to fix. */
    record Invalid(String message) implements Opened {}
  }

  /**
   * Opens with the request timeout of {@code GITHUB_TIMEOUT}, the default governor policy and a
   * parking {@link Waiter}.
   */
  public static Opened open(Settings.GitHub github, Clock clock) {
    return open(github, clock, Waiter.parking(clock));
  }

  /**
   * Opens with the request timeout of {@code GITHUB_TIMEOUT}, the default governor policy and
   * {@code waiter} for short waits (a test whose clock stands still passes one that moves it).
   */
  public static Opened open(Settings.GitHub github, Clock clock, Waiter waiter) {
    return open(
        github,
        clock,
        HttpTransport.create(TransportConfig.of(github), GovernorConfig.defaults(), clock, waiter));
  }

  /**
   * Opens with the request timeout of {@code GITHUB_TIMEOUT}, the governor policy {@code governor}
   * and a parking {@link Waiter}.
   */
  public static Opened open(Settings.GitHub github, Clock clock, GovernorConfig governor) {
    return open(
        github,
        clock,
        HttpTransport.create(TransportConfig.of(github), governor, clock, Waiter.parking(clock)));
  }

  /**
   * Opens over {@code transport} (tests pass one with short timeouts and a non-sleeping waiter).
   */
  public static Opened open(Settings.GitHub github, Clock clock, HttpTransport transport) {
    switch (github.mode()) {
      case APP:
        AppAuth.Loaded loaded = AppAuth.load(github, clock);
        if (loaded instanceof AppAuth.Loaded.Ready ready) {
          Clients clients = Clients.app(transport, github.apiUrl(), ready.auth(), clock);
          return new Opened.Ready(new GitHubAccess(clients, transport, Settings.Mode.APP, clock));
        }
        if (loaded instanceof AppAuth.Loaded.Invalid invalid) {
          return new Opened.Invalid(invalid.message());
        }
        return new Opened.NoCredentials();
      case TOKEN:
        Clients clients =
            Clients.token(transport, github.apiUrl(), github.token().orElseThrow(), clock);
        return new Opened.Ready(new GitHubAccess(clients, transport, Settings.Mode.TOKEN, clock));
      default:
        return new Opened.NoCredentials();
    }
  }

  /** The gateway for background work (event-triggered and scheduled runs, polling, catch-up). */
  public GitHubGateway gateway() {
    return gateway(Priority.BACKGROUND);
  }

  /** The gateway whose requests carry {@code priority} (interactive ones may use the reserve). */
  public GitHubGateway gateway(Priority priority) {
    return gateways.get(priority);
  }

  /** The rate-limit state seen so far, per lane and resource (for {@code status} and metrics). */
  public RateLimits rateLimits() {
    return clients.transport().rateLimits();
  }

  /**
   * Asks GitHub for the budgets of every resource ({@code GET /rate_limit}): with {@code
   * GITHUB_TOKEN} in token mode, with {@code installation}'s token in App mode. For {@code agent
   * doctor} only; the server reads its budget from response headers and never polls this.
   */
  public GitHubResult<List<RateLimits.Snapshot>> rateLimitStatus(OptionalLong installation) {
    return RateLimitStatus.fetch(clients, installation, clock);
  }

  /** Tells {@code observer} about every request attempt to GitHub (for {@code /metrics}). */
  public void observeRequests(RequestObserver observer) {
    transport.observeWith(observer);
  }

  public Settings.Mode mode() {
    return mode;
  }
}
