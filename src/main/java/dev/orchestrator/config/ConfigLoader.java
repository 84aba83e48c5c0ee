package dev.orchestrator.config;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link Settings} from an environment map plus an optional {@code .env} file. The real
 * environment wins over the file. Every problem is collected and reported at once.
 */
public final class ConfigLoader {
  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  private ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  /** Loads from the process environment and {@code .env} in the working directory. */
  public static ConfigResult fromSystem() {
    return load(System.getenv(), Path.of(".env"));
  }

  /** Loads from {@code environment} and, if it exists, the file at {@code dotEnv}. */
  public static ConfigResult load(Map<String, String> environment, Path dotEnv) {
    Inspected inspected = inspect(environment, dotEnv);
    return inspected.problems().isEmpty()
        ? new ConfigResult.Ok(inspected.settings())
        : new ConfigResult.Invalid(inspected.problems());
  }

  /**
   * Settings as far as they could be read, and every problem. A value that could not be used falls
   * back to its default here, so these settings are for diagnosis ({@code agent doctor} checks the
   * rest while naming what is wrong), never for running: {@link #load} refuses them.
   */
  public record Inspected(Settings settings, List<String> problems) {
    public Inspected {
      problems = List.copyOf(problems);
    }
  }

  /** Reads like {@link #load} but keeps the settings even when there are problems. */
  public static Inspected inspect(Map<String, String> environment, Path dotEnv) {
    Map<String, String> merged = new HashMap<>();
    List<String> fileProblems = new ArrayList<>();
    if (dotEnv != null && Files.isRegularFile(dotEnv)) {
      try {
        DotEnv.Parsed parsed =
            DotEnv.parse(Files.readString(dotEnv, StandardCharsets.UTF_8), dotEnv.toString());
        merged.putAll(parsed.values());
        fileProblems.addAll(parsed.problems());
      } catch (IOException e) {
        fileProblems.add("reading \"" + dotEnv + "\": " + e.getMessage());
      }
    }
    environment.forEach(
        (k, v) -> {
          if (v != null) {
            merged.put(k, v);
          }
        });
    ConfigLoader loader = new ConfigLoader(merged);
    loader.problems.addAll(fileProblems);
    Settings settings = loader.build();
    return new Inspected(settings, loader.problems);
  }

  private Settings build() {
    return new Settings(
        github(),
        new Settings.Server(
            text("HOST").orElse(Settings.Server.DEFAULT_HOST),
            integer("PORT", Settings.Server.DEFAULT_PORT, 0, 65_535),
            publicUrl(),
            duration("SHUTDOWN_GRACE", Settings.Server.DEFAULT_SHUTDOWN_GRACE)),
        new Settings.Store(databaseUrl()),
        Path.of(text("MISSIONS_DIR").orElse(Settings.DEFAULT_MISSIONS_DIR)),
        new Settings.Queue(
            integer("QUEUE_CAPACITY", Settings.Queue.DEFAULT_CAPACITY, 1, 1_000_000),
            integer("QUEUE_CAPACITY_TOTAL", Settings.Queue.DEFAULT_CAPACITY_TOTAL, 1, 10_000_000),
            integer("WORKERS", Settings.Queue.DEFAULT_WORKERS, 1, 256)),
        approvals(),
        llm(),
        secret("API_TOKEN"),
        retention(),
        new Settings.Setup(
            organization(), bool("SETUP_ALLOW_REMOTE", Settings.Setup.DEFAULT_ALLOW_REMOTE)),
        healthIssue());
  }

  /** {@code HEALTH_REPORT_INTERVAL} and {@code HEALTH_REPORT_REPOSITORY}: off unless both. */
  private Settings.HealthIssue healthIssue() {
    Optional<String> raw = text("HEALTH_REPORT_INTERVAL");
    Optional<Duration> interval = raw.flatMap(Durations::parse);
    if (raw.isPresent() && interval.isEmpty()) {
      duration("HEALTH_REPORT_INTERVAL", Duration.ZERO); // reports the malformed value
    }
    if (interval.isPresent() && interval.get().compareTo(Settings.HealthIssue.MIN_INTERVAL) < 0) {
      problems.add(
          "HEALTH_REPORT_INTERVAL: at least 5m (each report costs GitHub calls), found \""
              + Durations.format(interval.get())
              + "\"");
      interval = Optional.empty();
    }
    Optional<String> repository = text("HEALTH_REPORT_REPOSITORY");
    if (repository.isPresent()
        && !repository.get().matches("[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}/[A-Za-z0-9._-]{1,100}")) {
      problems.add(
          "HEALTH_REPORT_REPOSITORY: expected owner/name, such as octo-org/ops, found \""
              + repository.get()
              + "\"");
      repository = Optional.empty();
    } else if (repository.isEmpty() && raw.isPresent()) {
      problems.add(
          "HEALTH_REPORT_REPOSITORY: required with HEALTH_REPORT_INTERVAL; set it to the"
              + " repository (owner/name) whose issue carries the report");
    }
    return new Settings.HealthIssue(interval, repository);
  }

  /** The App's public address: its manifest appends paths, so it may not carry a query. */
  private Optional<URI> publicUrl() {
    Optional<URI> u = uri("PUBLIC_URL");
    if (u.isPresent() && (u.get().getRawQuery() != null || u.get().getRawFragment() != null)) {
      problems.add(
          "PUBLIC_URL: expected a base URL without query or fragment, such as"
              + " https://agent.example.com, found \""
              + u.get()
              + "\"");
      return Optional.empty();
    }
    return u;
  }

  /** {@code GH_ORG}: an organization login as GitHub spells them. */
  private Optional<String> organization() {
    Optional<String> org = text("GH_ORG");
    if (org.isPresent() && !org.get().matches("[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}")) {
      problems.add(
          "GH_ORG: expected an organization login (letters, digits, single hyphens, at most 39),"
              + " found \""
              + org.get()
              + "\"");
      return Optional.empty();
    }
    return org;
  }

  private boolean bool(String name, boolean fallback) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    String v = raw.get().toLowerCase(java.util.Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return v.equals("true");
    }
    problems.add(name + ": expected true or false, found \"" + raw.get() + "\"");
    return fallback;
  }

  private Settings.GitHub github() {
    Optional<Long> appId = text("APP_ID").flatMap(this::appId);
    Optional<Secret> pem =
        secret("PRIVATE_KEY").map(s -> Secret.of(s.reveal().replace("\\n", "\n")));
    Optional<Path> keyPath = text("PRIVATE_KEY_PATH").map(Path::of);
    if (keyPath.isPresent() && !Files.isReadable(keyPath.get())) {
      problems.add(
          "PRIVATE_KEY_PATH: cannot read \"" + keyPath.get() + "\"; set it to the App's .pem file");
    }
    if (appId.isPresent() && pem.isEmpty() && keyPath.isEmpty()) {
      problems.add("APP_ID is set but no private key: set PRIVATE_KEY_PATH (or PRIVATE_KEY)");
    }
    if (appId.isEmpty() && (pem.isPresent() || keyPath.isPresent()) && !env.containsKey("APP_ID")) {
      problems.add("a private key is set but APP_ID is not: set APP_ID to the App's id");
    }
    return new Settings.GitHub(
        appId,
        pem,
        keyPath,
        secret("GITHUB_TOKEN"),
        secret("WEBHOOK_SECRET"),
        secret("WEBHOOK_SECRET_PREVIOUS"),
        uri("GITHUB_API_URL").orElse(Settings.GitHub.DEFAULT_API_URL),
        uri("GITHUB_URL").orElse(Settings.GitHub.DEFAULT_WEB_URL),
        githubTimeout());
  }

  /**
   * {@code GITHUB_TIMEOUT}: more than 0 and at most {@link Settings.GitHub#MAX_REQUEST_TIMEOUT}.
   */
  private Duration githubTimeout() {
    Duration d = duration("GITHUB_TIMEOUT", Settings.GitHub.DEFAULT_REQUEST_TIMEOUT);
    if (d.isZero()) {
      problems.add("GITHUB_TIMEOUT: must be longer than 0, such as 30s");
      return Settings.GitHub.DEFAULT_REQUEST_TIMEOUT;
    }
    if (d.compareTo(Settings.GitHub.MAX_REQUEST_TIMEOUT) > 0) {
      problems.add(
          "GITHUB_TIMEOUT: at most 5m (a request holds its installation's GitHub lane while it"
              + " waits), found \""
              + Durations.format(d)
              + "\"");
      return Settings.GitHub.DEFAULT_REQUEST_TIMEOUT;
    }
    return d;
  }

  private Optional<Long> appId(String raw) {
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return Optional.of(id);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add("APP_ID: expected a positive integer, found \"" + raw + "\"");
    return Optional.empty();
  }

  private String databaseUrl() {
    String url = text("DATABASE_URL").orElse(Settings.Store.DEFAULT_DATABASE_URL);
    if (!url.startsWith("jdbc:sqlite:")) {
      problems.add(
          "DATABASE_URL: only SQLite is supported, expected \"jdbc:sqlite:<file>\", found \""
              + url
              + "\"");
    }
    return url;
  }

  private Settings.Approvals approvals() {
    Duration initial = duration("APPROVAL_POLL_INITIAL", Settings.Approvals.DEFAULT_POLL_INITIAL);
    Duration max = duration("APPROVAL_POLL_MAX", Settings.Approvals.DEFAULT_POLL_MAX);
    if (max.compareTo(initial) < 0) {
      problems.add("APPROVAL_POLL_MAX: must not be shorter than APPROVAL_POLL_INITIAL");
    }
    return new Settings.Approvals(
        initial, max, duration("APPROVAL_TIMEOUT", Settings.Approvals.DEFAULT_TIMEOUT));
  }

  private Settings.Llm llm() {
    Optional<URI> base = uri("LLM_BASE_URL");
    Optional<String> model = text("LLM_MODEL");
    if (base.isPresent() && model.isEmpty()) {
      problems.add("LLM_MODEL: required with LLM_BASE_URL; set it to the model's name");
    }
    double budget = decimal("LLM_DAILY_BUDGET_USD", Settings.Llm.DEFAULT_DAILY_BUDGET_USD);
    Optional<Path> prices = text("LLM_PRICES").map(Path::of);
    if (prices.isPresent() && !Files.isReadable(prices.get())) {
      problems.add("LLM_PRICES: cannot read \"" + prices.get() + "\"; set it to a price table");
    }
    String capParam =
        text("LLM_MAX_TOKENS_PARAM").orElse(Settings.Llm.DEFAULT_COMPLETION_CAP_PARAM);
    if (!capParam.matches("[a-z][a-z0-9_]{0,63}")) {
      problems.add(
          "LLM_MAX_TOKENS_PARAM: expected a request field name such as max_tokens or"
              + " max_completion_tokens, found \""
              + capParam
              + "\"");
      capParam = Settings.Llm.DEFAULT_COMPLETION_CAP_PARAM;
    }
    return new Settings.Llm(
        base,
        secret("LLM_API_KEY"),
        model,
        budget,
        prices,
        capParam,
        integer("LLM_MAX_TOKENS", Settings.Llm.DEFAULT_COMPLETION_CAP, 1, 1_000_000),
        llmTimeout());
  }

  private Duration llmTimeout() {
    Duration d = duration("LLM_TIMEOUT", Settings.Llm.DEFAULT_REQUEST_TIMEOUT);
    if (d.isZero()) {
      problems.add("LLM_TIMEOUT: must be longer than 0, such as 60s");
      return Settings.Llm.DEFAULT_REQUEST_TIMEOUT;
    }
    return d;
  }

  private Duration retention() {
    Duration d = duration("RETENTION", Settings.DEFAULT_RETENTION);
    if (d.compareTo(Settings.MIN_RETENTION) < 0) {
      problems.add(
          "RETENTION: at least 4d (GitHub redelivers for 3 days), found \""
              + Durations.format(d)
              + "\"");
    }
    return d;
  }

  private Optional<String> text(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private Optional<Secret> secret(String name) {
    return text(name).map(Secret::of);
  }

  private Optional<URI> uri(String name) {
    return text(name)
        .flatMap(
            raw -> {
              try {
                URI u = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
                if ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) {
                  if (u.getHost() != null) {
                    return Optional.of(u);
                  }
                }
              } catch (java.net.URISyntaxException e) {
                // reported below
              }
              problems.add(name + ": expected an http(s) URL, found \"" + raw + "\"");
              return Optional.empty();
            });
  }

  private int integer(String name, int fallback, int min, int max) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.get());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        name
            + ": expected an integer from "
            + min
            + " to "
            + max
            + ", found \""
            + raw.get()
            + "\"");
    return fallback;
  }

  private double decimal(String name, double fallback) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      double v = Double.parseDouble(raw.get());
      if (v >= 0 && Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + ": expected a non-negative number, found \"" + raw.get() + "\"");
    return fallback;
  }

  private Duration duration(String name, Duration fallback) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    Optional<Duration> d = Durations.parse(raw.get());
    if (d.isEmpty()) {
      problems.add(
          name + ": expected a duration such as 30s, 5m, 24h or 30d, found \"" + raw.get() + "\"");
      return fallback;
    }
    return d.get();
  }
}
