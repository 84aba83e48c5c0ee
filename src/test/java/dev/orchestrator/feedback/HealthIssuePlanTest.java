package dev.orchestrator.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orchestrator.github.Issue;
import dev.orchestrator.report.HealthIssueBody;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthIssuePlanTest {
  private static final String APP = "agent-orchestrator[bot]";
  private static final String REPORT = HealthIssueBody.MARKER + "\n### Agent health: **HEALTHY**";

  private static Issue issue(int number, String body, String author, boolean pull) {
    return new Issue(
        number,
        "t" + number,
        body,
        "open",
        Optional.empty(),
        List.of(),
        List.of(),
        author,
        "https://github.example/octo/ops/issues/" + number,
        pull,
        JsonNodeFactory.instance.objectNode());
  }

  @Test
  void withoutAMarkedIssueTheReportIssueIsCreated() {
    HealthIssuePlan plan =
        HealthIssuePlan.decide(
            List.of(issue(3, "a bug", "alice", false), issue(4, "", APP, false)), Optional.of(APP));
    assertThat(plan).isInstanceOf(HealthIssuePlan.Create.class);
    assertThat(HealthIssuePlan.decide(List.of(), Optional.empty()))
        .isInstanceOf(HealthIssuePlan.Create.class);
  }

  @Test
  void theAppsMarkedIssueIsEditedAndOfSeveralTheOldest() {
    HealthIssuePlan plan =
        HealthIssuePlan.decide(
            List.of(issue(9, REPORT, APP, false), issue(5, REPORT, APP, false)),
            Optional.of(APP.toUpperCase(java.util.Locale.ROOT)));
    assertThat(plan).isEqualTo(new HealthIssuePlan.Edit(5));
    assertThat(plan.describe()).isEqualTo("edit issue #5");
  }

  @Test
  void aPersonsIssueOrAPullRequestCarryingTheMarkerIsNotTakenOver() {
    List<Issue> open =
        List.of(
            issue(2, REPORT, "mallory", false),
            issue(3, REPORT, APP, true),
            issue(4, "quoting " + HealthIssueBody.MARKER, APP, false));
    assertThat(HealthIssuePlan.decide(open, Optional.of(APP)))
        .isInstanceOf(HealthIssuePlan.Create.class);
  }

  @Test
  void whileTheAppsLoginIsUnknownAnyAuthorsMarkedIssueIsTheReport() {
    // token mode: the report's author is the token's user, which the server does not look up
    assertThat(
            HealthIssuePlan.decide(List.of(issue(2, REPORT, "ops-bot", false)), Optional.empty()))
        .isEqualTo(new HealthIssuePlan.Edit(2));
  }
}
