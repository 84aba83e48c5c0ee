package dev.orchestrator.doctor;

import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Settings;
import dev.orchestrator.github.GitHubAccess;
import dev.orchestrator.github.HttpTransport;
import dev.orchestrator.github.TransportConfig;
import dev.orchestrator.github.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every check of {@code agent doctor} in order and returns one finding per line. Checks run on
 * the settings as far as they could be read, so one bad variable does not hide the state of
 * everything else. Nothing is changed: the database is probed, not created or migrated.
 */
public final class Doctor {
  /**
   * Short, so an unreachable GitHub costs seconds, not minutes; one try, no retries. A shorter
   * {@code GITHUB_TIMEOUT} wins (see {@link #githubTimeouts}).
   */
  public static final TransportConfig GITHUB_TIMEOUTS =
      new TransportConfig(
          Duration.ofSeconds(3), Duration.ofSeconds(5), 1, Duration.ZERO, Duration.ZERO);

  private final ConfigLoader.Inspected config;
  private final Clock clock;

  public Doctor(ConfigLoader.Inspected config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Every finding, in the order printed. */
  public List<Finding> run() {
    List<Finding> out = new ArrayList<>();
    if (config.problems().isEmpty()) {
      out.add(Finding.ok("configuration", "every variable is valid"));
    } else {
      config.problems().forEach(p -> out.add(Finding.fail("configuration", p)));
    }
    Settings s = config.settings();
    CredentialChecks.Outcome credentials = CredentialChecks.run(s.github(), clock);
    out.addAll(credentials.findings());
    out.addAll(WebhookSecretCheck.run(s.github()));
    out.add(DatabaseCheck.run(s.store().databaseUrl()));
    MissionChecks.Outcome missions = MissionChecks.missions(s.missionsDir());
    out.add(missions.finding());
    out.add(MissionChecks.llm(s.llm(), missions.catalog()));
    boolean canAsk =
        s.github().mode() == Settings.Mode.TOKEN
            || (s.github().mode() == Settings.Mode.APP && credentials.appSigns());
    if (canAsk) {
      HttpTransport transport =
          HttpTransport.create(githubTimeouts(s.github()), clock, Waiter.parking(clock));
      GitHubAccess.Opened opened = GitHubAccess.open(s.github(), clock, transport);
      if (opened instanceof GitHubAccess.Opened.Ready ready) {
        out.addAll(GitHubCheck.run(s.github(), ready.access()));
      }
    }
    return out;
  }

  /** {@link #GITHUB_TIMEOUTS}, or {@code GITHUB_TIMEOUT} when that is shorter. */
  static TransportConfig githubTimeouts(Settings.GitHub github) {
    return github.requestTimeout().compareTo(GITHUB_TIMEOUTS.requestTimeout()) < 0
        ? GITHUB_TIMEOUTS.withRequestTimeout(github.requestTimeout())
        : GITHUB_TIMEOUTS;
  }

  /** True when any finding failed: {@code agent doctor} then exits 1. */
  public static boolean failed(List<Finding> findings) {
    return findings.stream().anyMatch(f -> f.level() == Level.FAIL);
  }
}
