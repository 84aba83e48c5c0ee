package dev.orchestrator.feedback;

import dev.orchestrator.config.Durations;
import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.github.GitHubResult;
import dev.orchestrator.github.Issue;
import dev.orchestrator.github.Repo;
import dev.orchestrator.report.HealthIssueBody;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled health report: each {@link #tick()} writes the health summary into the one open
 * issue of the repository that carries {@link HealthIssueBody#MARKER}, opening it when there is
 * none. The issue's number is kept in memory; it is looked up again (by listing the open issues)
 * after a restart, and when an edit finds the issue deleted, transferred or closed. A failing call
 * is logged in one line and the next tick tries again.
 */
public final class HealthIssueReporter {
  private static final Logger LOG = LoggerFactory.getLogger(HealthIssueReporter.class);

  private final GitHubGateway gateway;
  private final Repo repo;
  private final Supplier<String> summary;
  private final Supplier<Optional<String>> appLogin;
  private final Clock clock;
  private final Duration every;
  private volatile OptionalInt known = OptionalInt.empty();
  private Instant lastAttempt;

  /**
   * @param summary the health summary's markdown, as {@code /agent status} shows it
   * @param appLogin the app's bot login once known (empty in token mode and until it is learned)
   */
  public HealthIssueReporter(
      GitHubGateway gateway,
      Repo repo,
      Supplier<String> summary,
      Supplier<Optional<String>> appLogin,
      Clock clock,
      Duration every) {
    this.gateway = gateway;
    this.repo = repo;
    this.summary = summary;
    this.appLogin = appLogin;
    this.clock = clock;
    this.every = every;
  }

  /**
   * Writes the report when it is due: at the first tick, then once {@code every} has passed on the
   * clock since the last attempt (successful or not). Ticks are not concurrent (one ticker thread).
   */
  public void tick() {
    Instant now = clock.instant();
    if (lastAttempt != null && now.isBefore(lastAttempt.plus(every))) {
      return;
    }
    lastAttempt = now;
    report();
  }

  /** Writes the report now. */
  void report() {
    String body = HealthIssueBody.render(summary.get(), clock.instant(), every);
    OptionalInt number = known;
    if (number.isPresent()) {
      GitHubResult<Issue> edited = gateway.editIssueBody(repo, number.getAsInt(), body);
      if (edited instanceof GitHubResult.Ok<Issue> ok && "open".equals(ok.value().state())) {
        return;
      }
      if (!gone(edited)) {
        LOG.warn("health report: {}; trying again in {}", edited.describe(), again());
        return;
      }
      LOG.info(
          "health report: issue {} is closed or gone; looking for another", ref(number.getAsInt()));
      known = OptionalInt.empty();
    }
    GitHubResult<List<Issue>> open = gateway.listOpenIssues(repo);
    if (!open.isOk()) {
      LOG.warn("health report: {}; trying again in {}", open.describe(), again());
      return;
    }
    HealthIssuePlan plan = HealthIssuePlan.decide(open.orElseThrow(), appLogin.get());
    GitHubResult<Issue> written =
        plan instanceof HealthIssuePlan.Edit edit
            ? gateway.editIssueBody(repo, edit.number(), body)
            : gateway.createIssue(repo, HealthIssueBody.TITLE, body, List.of());
    if (!written.isOk()) {
      // an unknown outcome of the creation is settled by the next tick's listing
      LOG.warn("health report: {}; trying again in {}", written.describe(), again());
      return;
    }
    known = OptionalInt.of(written.orElseThrow().number());
    LOG.info("health report: {} ({})", plan.describe(), ref(written.orElseThrow().number()));
  }

  /** The report's issue number as last written, if any (for tests and logs). */
  public OptionalInt issueNumber() {
    return known;
  }

  /** The edit went to a closed issue, or the issue is deleted (404) or transferred (410). */
  private static boolean gone(GitHubResult<Issue> edited) {
    return edited.isOk()
        || edited instanceof GitHubResult.NotFound
        || (edited instanceof GitHubResult.Failed<Issue> f && f.status() == 410);
  }

  private String again() {
    return Durations.format(every);
  }

  private String ref(int number) {
    return "\"" + repo + "#" + number + "\"";
  }
}
