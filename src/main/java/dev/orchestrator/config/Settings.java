package dev.orchestrator.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The whole configuration, immutable and validated when built by {@link ConfigLoader}. Defaults are
 * named constants on each record.
 */
public record Settings(
    GitHub github,
    Server server,
    Store store,
    Path missionsDir,
    Queue queue,
    Approvals approvals,
    Llm llm,
    Optional<Secret> apiToken,
    Duration retention,
    Setup setup,
    HealthIssue healthIssue) {

  /** How the process talks to GitHub. */
  public enum Mode {
    /** {@code APP_ID} and a private key: a GitHub App. */
    APP,
    /** {@code GITHUB_TOKEN}: a personal or Actions token. */
    TOKEN,
    /** No credentials: offline runs and setup mode. */
    NONE
  }

  /**
   * GitHub credentials and addresses.
   *
   * @param requestTimeout {@code GITHUB_TIMEOUT}: how long one request to GitHub may wait for its
   *     answer before it counts as timed out (a read is then tried again, a write's outcome is
   *     unknown and looked up before it is repeated)
   */
  public record GitHub(
      Optional<Long> appId,
      Optional<Secret> privateKeyPem,
      Optional<Path> privateKeyPath,
      Optional<Secret> token,
      Optional<Secret> webhookSecret,
      Optional<Secret> webhookSecretPrevious,
      URI apiUrl,
      URI webUrl,
      Duration requestTimeout) {
    public static final URI DEFAULT_API_URL = URI.create("https://api.github.com");
    public static final URI DEFAULT_WEB_URL = URI.create("https://github.com");
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30); // per attempt

    /** A request holds its installation's lane while it waits, so waits are kept short. */
    public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofMinutes(5);

    /** The same with the default request timeout. */
    public GitHub(
        Optional<Long> appId,
        Optional<Secret> privateKeyPem,
        Optional<Path> privateKeyPath,
        Optional<Secret> token,
        Optional<Secret> webhookSecret,
        Optional<Secret> webhookSecretPrevious,
        URI apiUrl,
        URI webUrl) {
      this(
          appId,
          privateKeyPem,
          privateKeyPath,
          token,
          webhookSecret,
          webhookSecretPrevious,
          apiUrl,
          webUrl,
          DEFAULT_REQUEST_TIMEOUT);
    }

    /** App mode wins over token mode when both are configured. */
    public Mode mode() {
      if (appId.isPresent() && (privateKeyPem.isPresent() || privateKeyPath.isPresent())) {
        return Mode.APP;
      }
      return token.isPresent() ? Mode.TOKEN : Mode.NONE;
    }
  }

  /** The listening address. */
  public record Server(String host, int port, Optional<URI> publicUrl, Duration shutdownGrace) {
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 3000;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);
  }

  /**
   * Registering the App from its manifest ({@code /setup}, setup mode only).
   *
   * @param organization {@code GH_ORG}: register the App under this organization instead of the
   *     signed-in user's account
   * @param allowRemote {@code SETUP_ALLOW_REMOTE}: serve {@code /setup} to other hosts than
   *     loopback (it hands out the means to write this server's credentials)
   */
  public record Setup(Optional<String> organization, boolean allowRemote) {
    public static final boolean DEFAULT_ALLOW_REMOTE = false;
  }

  /** The database. */
  public record Store(String databaseUrl) {
    public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:agent_metrics.db";
  }

  /** Queue capacity and workers. */
  public record Queue(int capacityPerInstallation, int capacityTotal, int workers) {
    public static final int DEFAULT_CAPACITY = 100; // QUEUED runs per installation
    public static final int DEFAULT_CAPACITY_TOTAL = 10_000; // QUEUED runs in all
    public static final int DEFAULT_WORKERS = 4;
  }

  /**
   * The scheduled health report: one issue in {@code repository} whose body is the health summary,
   * edited every {@code interval}. Off when {@code interval} is empty; when it is set, {@code
   * repository} ({@code owner/name}) is too.
   */
  public record HealthIssue(Optional<Duration> interval, Optional<String> repository) {
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(5);

    /** Whether the report is on. */
    public boolean enabled() {
      return interval.isPresent() && repository.isPresent();
    }
  }

  /** Approval polling and expiry. */
  public record Approvals(Duration pollInitial, Duration pollMax, Duration timeout) {
    public static final Duration DEFAULT_POLL_INITIAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_POLL_MAX = Duration.ofMinutes(5);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(24);
  }

  /**
   * The model provider; {@code baseUrl} has no default on purpose.
   *
   * @param completionCapParam the request field that caps a completion's tokens ({@code
   *     max_tokens}, or {@code max_completion_tokens} for servers that want it)
   * @param completionCap its value: the most tokens one model answer may have, which is also what
   *     the budget check assumes an answer costs
   * @param requestTimeout how long one model call may take before it counts as failed
   */
  public record Llm(
      Optional<URI> baseUrl,
      Optional<Secret> apiKey,
      Optional<String> model,
      double dailyBudgetUsd,
      Optional<Path> prices,
      String completionCapParam,
      int completionCap,
      Duration requestTimeout) {
    public static final double DEFAULT_DAILY_BUDGET_USD = 5.00; // per installation per day
    public static final String DEFAULT_COMPLETION_CAP_PARAM = "max_tokens";
    public static final int DEFAULT_COMPLETION_CAP = 1024; // tokens per model answer
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
  }

  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
  public static final Duration MIN_RETENTION = Duration.ofDays(4); // GitHub redelivers for 3 days

  public static final String DEFAULT_MISSIONS_DIR = "missions";
}
