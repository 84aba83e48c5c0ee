package dev.orchestrator.mission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.node.IntNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The missions in the repository's {@code missions/} directory load, and say what they should. */
class ShippedMissionsTest {
  private static MissionCatalog catalog;

  @BeforeAll
  static void load() {
    LoadResult result = MissionLoader.global().loadDirectory(Path.of("missions"));
    assertThat(result.problems()).isEmpty();
    catalog = result.catalog();
  }

  @Test
  void theFourMissionsAreThere() {
    assertThat(catalog.missions())
        .extracting(Mission::name)
        .containsExactly("health-report", "issue-triage", "pr-summary", "stale-issues");
  }

  @Test
  void everyMissionRunsFromACommandWithoutArguments() {
    for (Mission m : catalog.missions()) {
      assertThat(m.commands()).as(m.name()).isNotEmpty();
      assertThat(m.requiredArguments()).as(m.name()).isEmpty();
    }
  }

  @Test
  void issueTriageLabelsAndAsksForDetailsOnNewIssues() {
    Mission m = catalog.byCommand("triage").get();

    assertThat(m.name()).isEqualTo("issue-triage");
    assertThat(m.planner()).isEqualTo(PlannerType.DETERMINISTIC);
    assertThat(m.triggers())
        .containsExactly(
            new Trigger.OnEvent("issues", "opened", java.util.Map.of()),
            new Trigger.OnCommand("triage"));
    assertThat(m.steps())
        .extracting(Step::tool)
        .containsExactly("get_issue", "add_labels", "post_comment");
    assertThat(m.steps().get(1).args().get("labels").get(0).asText()).isEqualTo("needs-triage");
    assertThat(m.steps().get(2).args().get("body").asText()).contains("Steps to reproduce");
    assertThat(m.steps().get(2).templates().keySet())
        .containsExactly(JsonPointer.compile("/number"));
    assertThat(m.permission()).isEqualTo(Permission.TRIAGE);
  }

  @Test
  void prSummaryIsAnLlmMissionWithABudget() {
    Mission m = catalog.byCommand("summarize").get();

    assertThat(m.name()).isEqualTo("pr-summary");
    assertThat(m.planner()).isEqualTo(PlannerType.LLM);
    assertThat(m.allowedTools())
        .containsExactly("get_pull_request", "list_pr_files", "post_comment");
    assertThat(m.budget()).isPresent();
    assertThat(m.steps()).isEmpty();
  }

  @Test
  void staleIssuesSearchesThenCommentsAndLabelsEachAfterApproval() {
    Mission m = catalog.byCommand("stale").get();

    assertThat(m.name()).isEqualTo("stale-issues");
    assertThat(m.requiresApproval()).isTrue();
    assertThat(m.priority()).isEqualTo(Priority.LOW);
    assertThat(m.defaultArguments()).containsEntry("days", IntNode.valueOf(30));
    assertThat(m.steps())
        .extracting(Step::tool)
        .containsExactly("search_issues", "post_comment", "add_labels");
    Template query = m.steps().get(0).templates().get(JsonPointer.compile("/query"));
    assertThat(query.references()).containsExactly(new TemplateRef.DaysAgoArg("days"));
    TemplateRef items = new TemplateRef.StepOutput("stale", List.of("items"));
    assertThat(m.steps().get(1).forEach()).contains(items);
    assertThat(m.steps().get(2).forEach()).contains(items);
    assertThat(m.steps().get(2).templates().get(JsonPointer.compile("/number")).single())
        .contains(new TemplateRef.Item(List.of("number")));
    // one search plus a comment and a label for each result the search may return
    int limit = m.steps().get(0).args().get("limit").asInt();
    assertThat(m.maxSteps()).isGreaterThanOrEqualTo(1 + 2 * limit);
  }

  @Test
  void healthReportPostsTheHealthSummaryOnTheIssue() {
    Mission m = catalog.byCommand("health").get();

    assertThat(m.name()).isEqualTo("health-report");
    assertThat(m.steps()).extracting(Step::tool).containsExactly("get_health", "post_comment");
    Step post = m.steps().get(1);
    assertThat(post.templates().get(JsonPointer.compile("/body")).single())
        .contains(new TemplateRef.StepOutput("health", List.of("summary")));
    assertThat(post.templates().get(JsonPointer.compile("/number")).single())
        .contains(new TemplateRef.Event(List.of("issue", "number")));
  }
}
