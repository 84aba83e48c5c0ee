package dev.orchestrator.github;

import dev.orchestrator.config.Settings;
import java.time.Clock;

/**
 * Builds the {@link GitHubGateway} from {@link Settings.GitHub}: App mode (APP_ID and a private
 * key), token mode (GITHUB_TOKEN) or none. The composition root calls {@link #open} once and keeps
 * the result: it owns the installation tokens and the rate-limit state.
 */
public final class GitHubAccess {
  private final GitHubGateway gateway;
  private final HttpTransport transport;
  private final Settings.Mode mode;

  private GitHubAccess(GitHubGateway gateway, HttpTransport transport, Settings.Mode mode) {
    this.gateway = gateway;
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

  /** Opens with the default timeouts and a parking {@link Waiter}. */
  public static Opened open(Settings.GitHub github, Clock clock) {
    return open(
        github,
        clock,
        HttpTransport.create(TransportConfig.defaults(), clock, Waiter.parking(clock)));
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
          return new Opened.Ready(
              new GitHubAccess(new DefaultGitHubGateway(clients), transport, Settings.Mode.APP));
        }
        if (loaded instanceof AppAuth.Loaded.Invalid invalid) {
          return new Opened.Invalid(invalid.message());
        }
        return new Opened.NoCredentials();
      case TOKEN:
        Clients clients =
            Clients.token(transport, github.apiUrl(), github.token().orElseThrow(), clock);
        return new Opened.Ready(
            new GitHubAccess(new DefaultGitHubGateway(clients), transport, Settings.Mode.TOKEN));
      default:
        return new Opened.NoCredentials();
    }
  }

  public GitHubGateway gateway() {
    return gateway;
  }

  /** The rate-limit state seen so far, per lane and resource (for {@code status} and metrics). */
  public RateLimits rateLimits() {
    return transport.rateLimits();
  }

  /** Tells {@code observer} about every request attempt to GitHub (for {@code /metrics}). */
  public void observeRequests(RequestObserver observer) {
    transport.observeWith(observer);
  }

  public Settings.Mode mode() {
    return mode;
  }
}
