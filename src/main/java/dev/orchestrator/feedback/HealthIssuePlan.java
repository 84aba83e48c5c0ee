package dev.orchestrator.feedback;

import dev.orchestrator.github.Issue;
import dev.orchestrator.report.HealthIssueBody;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What one health-report tick does once it has listed the repository's open issues. */
public sealed interface HealthIssuePlan {
  /** Edit the existing report issue. */
  record Edit(int number) implements HealthIssuePlan {
    @Override
    public String describe() {
      return "edit issue #" + number;
    }
  }

  /** No open report issue: open one. */
  record Create() implements HealthIssuePlan {
    @Override
    public String describe() {
      return "create the report issue";
    }
  }

  String describe();

  /**
   * The report issue among {@code open}: an issue (not a pull request) whose body starts with the
   * marker and, when the app's login is known, that the app opened (a person quoting the marker
   * does not take the report over). Of several, the oldest, so every tick settles on the same one.
   */
  static HealthIssuePlan decide(List<Issue> open, Optional<String> appLogin) {
    return open.stream()
        .filter(i -> !i.pullRequest())
        .filter(i -> i.body().startsWith(HealthIssueBody.MARKER))
        .filter(i -> appLogin.map(l -> l.equalsIgnoreCase(i.author())).orElse(true))
        .min(Comparator.comparingInt(Issue::number))
        .<HealthIssuePlan>map(i -> new Edit(i.number()))
        .orElseGet(Create::new);
  }
}
