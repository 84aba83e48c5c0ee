package dev.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.MissionLoader;
import dev.orchestrator.mission.MissionSource;
import dev.orchestrator.planner.Planners;
import dev.orchestrator.report.Explanation;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.SqliteBreakerStore;
import dev.orchestrator.store.SqliteRunStore;
import dev.orchestrator.store.SqliteTranscriptStore;
import dev.orchestrator.testing.Payloads;
import dev.orchestrator.testing.ScriptedRepository;
import dev.orchestrator.testing.TestClock;
import dev.orchestrator.tool.ToolContext;
import dev.orchestrator.tool.ToolRegistry;
import dev.orchestrator.tool.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deterministic runtime end to end on a real database: steps, approvals, failures, explain. */
class MissionRuntimeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Database db;
  private final TestClock clock = TestClock.at("2026-11-27T10:00:00Z");
  private RunStore runs;
  private TranscriptStore transcripts;
  private MissionBreaker breaker;
  private RunExecutor executor;
  private final ScriptedRepository github = new ScriptedRepository();
  private JsonNode event;

  @BeforeEach
  void open() throws Exception {
    db = Database.open("jdbc:sqlite:" + dir.resolve("rt.db"));
    runs = new SqliteRunStore(db);
    transcripts = new SqliteTranscriptStore(db);
    breaker = new MissionBreaker(new SqliteBreakerStore(db), clock);
    executor =
        new RunExecutor(
            runs, transcripts, breaker, new MissionRunner(ToolRegistry.standard(), clock), clock);
    event = JSON.readTree(Payloads.bytes("issues.opened"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  static Mission mission(String yaml) {
    LoadResult r = MissionLoader.global().loadSources(List.of(new MissionSource("test.yml", yaml)));
    assertThat(r.problems()).isEmpty();
    return r.catalog().missions().get(0);
  }

  private static final String STALE =
      "name: stale\ndescription: d\nplanner: deterministic\nrequires_approval: true\nmax_steps: 20\n"
          + "allowed_tools: [search_issues, post_comment, add_labels]\n"
          + "arguments:\n  days: { description: idle days, default: 30 }\n"
          + "steps:\n"
          + "  - id: stale\n    tool: search_issues\n    args: { query: \"is:open updated:<${days_ago(args.days)}\" }\n"
          + "  - tool: post_comment\n    for_each: \"${steps.stale.output.items}\"\n    args: { number: \"${item.number}\", body: \"Still relevant after ${args.days} days?\" }\n"
          + "  - tool: add_labels\n    for_each: \"${steps.stale.output.items}\"\n    args: { number: \"${item.number}\", labels: [stale] }\n";

  private RunRecord start(Mission m, boolean dryRun, JsonNode args) {
    NewRun n =
        new NewRun(
            m.name(),
            m.planner().label(),
            7,
            Optional.of("Codertocat/Hello-World"),
            Optional.of(1),
            Optional.empty(),
            "command:" + m.name(),
            Optional.of("mona"),
            Optional.empty(),
            RunStatus.RUNNING,
            NewRun.PRIORITY_NORMAL,
            dryRun,
            args.toString(),
            Optional.of(event.toString()));
    long id = runs.create(n, clock.instant()).orElseThrow();
    return runs.find(id).orElseThrow();
  }

  private RunExecutor.Result execute(Mission m, RunRecord run, ApprovalDecider approvals) {
    ToolContext tools =
        new ToolContext(
            run.id(),
            run.repository(),
            event,
            run.dryRun(),
            github,
            lookback -> JsonNodeFactory.instance.objectNode());
    JsonNode args = RunExecutor.object(run.argumentsJson());
    return executor.execute(
        run, m, Planners.forMission(m, event, args, clock, Planners.NO_MODEL), tools, approvals);
  }

  private static ObjectNode days(int n) {
    ObjectNode a = JsonNodeFactory.instance.objectNode();
    a.put("days", n);
    return a;
  }

  private static ToolResult searchResult(int... numbers) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    var items = out.putArray("items");
    for (int n : numbers) {
      items.addObject().put("number", n);
    }
    out.put("total_count", numbers.length);
    return ToolResult.ok(out);
  }

  @Test
  void aBlockedRunResumesWhereItStoppedAfterApproval() {
    Mission m = mission(STALE);
    github.answer("searchIssues", searchResult(11, 12));
    RunRecord run = start(m, false, days(60));
    RunExecutor.Result first = execute(m, run, ApprovalDecider.pending());
    assertThat(first.outcome()).isInstanceOf(RunOutcome.Blocked.class);
    assertThat(((RunOutcome.Blocked) first.outcome()).reason()).contains("requires approval");
    assertThat(github.calls).containsExactly("searchIssues is:open updated:<2026-09-28 30");
    RunRecord blocked = runs.find(run.id()).orElseThrow();
    assertThat(blocked.status()).isEqualTo(RunStatus.BLOCKED);
    assertThat(blocked.checkpointJson()).isPresent();

    clock.advance(Duration.ofHours(2)); // a person takes their time
    runs.move(run.id(), RunStatus.QUEUED, clock.instant());
    runs.start(run.id(), clock.instant());
    RunExecutor.Result second =
        execute(m, runs.find(run.id()).orElseThrow(), ApprovalDecider.approvedBy("wes"));
    assertThat(second.outcome()).isInstanceOf(RunOutcome.Succeeded.class);
    assertThat(github.calls)
        .containsExactly(
            "searchIssues is:open updated:<2026-09-28 30",
            "postComment 11 <!-- agent-out:" + run.id() + ":1 -->",
            "postComment 12 <!-- agent-out:" + run.id() + ":2 -->",
            "addLabels 11 [stale]",
            "addLabels 12 [stale]");
    JsonNode t = second.transcript().json();
    assertThat(t.path("steps")).hasSize(5);
    assertThat(t.path("decisions").get(0).path("kind").asText()).isEqualTo("approved");
    assertThat(t.path("decisions").get(0).path("by").asText()).isEqualTo("wes");
    RunRecord done = runs.find(run.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(done.toolCallCount()).isEqualTo(5);
    assertThat(done.durationSeconds().orElseThrow())
        .as("waiting for approval is not running")
        .isLessThan(60);
  }

  @Test
  void aDryRunRecordsWritesAndNeverBlocks() {
    Mission m = mission(STALE);
    github.answer("searchIssues", searchResult(5));
    RunExecutor.Result r = execute(m, start(m, true, days(30)), ApprovalDecider.pending());
    assertThat(r.outcome()).isInstanceOf(RunOutcome.Succeeded.class);
    assertThat(github.calls).containsExactly("searchIssues is:open updated:<2026-10-28 30");
    JsonNode steps = r.transcript().json().path("steps");
    assertThat(steps.get(1).path("dry_run").asBoolean()).isTrue();
    assertThat(steps.get(1).path("result").path("output").path("would_send").path("path").asText())
        .isEqualTo("/repos/Codertocat/Hello-World/issues/5/comments");
  }

  @Test
  void aRejectionEndsTheRunRejected() {
    Mission m = mission(STALE);
    github.answer("searchIssues", searchResult(5));
    RunRecord run = start(m, false, days(30));
    RunExecutor.Result r =
        execute(
            m,
            run,
            (call, mission, ctx, risk) ->
                ApprovalDecider.Decision.denied("maya", Optional.of("too noisy")));
    assertThat(r.outcome()).isEqualTo(new RunOutcome.Rejected("maya", "too noisy"));
    assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.REJECTED);
    assertThat(Explanation.text(r.transcript().json()))
        .contains("decision: rejected by @maya: too noisy");
  }

  @Test
  void anUnresolvedReferenceFailsTheRunAndNamesIt() {
    Mission m =
        mission(
            "name: t\ndescription: d\nplanner: deterministic\nallowed_tools: [get_issue]\n"
                + "steps:\n  - tool: get_issue\n    args: { number: \"${event.pull_request.number}\" }\n");
    RunExecutor.Result r =
        execute(
            m, start(m, false, JsonNodeFactory.instance.objectNode()), ApprovalDecider.pending());
    assertThat(r.outcome()).isInstanceOf(RunOutcome.Failed.class);
    RunOutcome.Failed f = (RunOutcome.Failed) r.outcome();
    assertThat(f.errorClass()).isEqualTo("template_error");
    assertThat(f.message())
        .contains("${event.pull_request.number}")
        .contains("event has no \"pull_request\"");
    assertThat(Explanation.text(r.transcript().json()))
        .contains("failure class: template_error")
        .contains("runbook: docs/RUNBOOK.md#failure-rate");
  }

  @Test
  void badArgumentsAreRefusedBeforeTheToolRuns() {
    Mission m =
        mission(
            "name: t\ndescription: d\nplanner: deterministic\nallowed_tools: [add_labels]\n"
                + "steps:\n  - tool: add_labels\n    args: { number: \"${event.issue.title}\", labels: [x] }\n");
    RunExecutor.Result r =
        execute(
            m, start(m, false, JsonNodeFactory.instance.objectNode()), ApprovalDecider.pending());
    RunOutcome.Failed f = (RunOutcome.Failed) r.outcome();
    assertThat(f.errorClass()).isEqualTo("invalid_arguments");
    assertThat(f.message()).contains("argument \"number\"");
    assertThat(github.calls).isEmpty();
    assertThat(r.transcript().json().path("steps").get(0).path("verdict").asText())
        .isEqualTo("refused");
  }

  @Test
  void infrastructureFailuresOpenTheBreakerAfterThree() {
    Mission m =
        mission(
            "name: t\ndescription: d\nplanner: deterministic\nallowed_tools: [get_issue]\n"
                + "steps:\n  - tool: get_issue\n    args: { number: 1 }\n");
    github.answer(
        "getIssue",
        ToolResult.infrastructureFailure("github_5xx", "502 from GitHub getting issue 1"));
    for (int i = 0; i < 3; i++) {
      RunExecutor.Result r =
          execute(
              m, start(m, false, JsonNodeFactory.instance.objectNode()), ApprovalDecider.pending());
      assertThat(((RunOutcome.Failed) r.outcome()).infrastructure()).isTrue();
      assertThat(Explanation.text(r.transcript().json()))
          .contains("runbook: docs/RUNBOOK.md#breaker-open");
    }
    assertThat(breaker.state("t", 7)).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void maxStepsStopsAnExpandingForEach() {
    Mission m = mission(STALE.replace("max_steps: 20", "max_steps: 3"));
    github.answer("searchIssues", searchResult(1, 2, 3, 4));
    RunExecutor.Result r = execute(m, start(m, true, days(30)), ApprovalDecider.pending());
    RunOutcome.Failed f = (RunOutcome.Failed) r.outcome();
    assertThat(f.errorClass()).isEqualTo("max_steps");
    assertThat(r.transcript().json().path("steps")).hasSize(3);
  }

  @Test
  void theRunTimeoutIsCheckedBetweenSteps() {
    Mission m = mission(STALE.replace("max_steps: 20", "max_steps: 20\ntimeout: 60s"));
    github.answer("searchIssues", searchResult(1));
    ScriptedRepository slow =
        new ScriptedRepository() {
          @Override
          public ToolResult searchIssues(String query, int limit) {
            clock.advance(Duration.ofSeconds(61));
            return searchResult(1);
          }
        };
    RunRecord run = start(m, true, days(30));
    ToolContext tools =
        new ToolContext(
            run.id(),
            run.repository(),
            event,
            true,
            slow,
            l -> JsonNodeFactory.instance.objectNode());
    RunExecutor.Result r =
        executor.execute(
            run,
            m,
            Planners.forMission(m, event, days(30), clock, Planners.NO_MODEL),
            tools,
            ApprovalDecider.pending());
    RunOutcome.Failed f = (RunOutcome.Failed) r.outcome();
    assertThat(f.errorClass()).isEqualTo("timeout");
    assertThat(f.infrastructure()).isTrue();
    assertThat(Explanation.text(r.transcript().json()))
        .contains("runbook: docs/RUNBOOK.md#slow-missions");
  }

  @Test
  void llmMissionsWithoutAModelFailSayingWhatToSet() {
    Mission m =
        mission(
            "name: s\ndescription: d\ngoal: summarise\nplanner: llm\nallowed_tools: [get_pull_request]\n");
    RunExecutor.Result r =
        execute(
            m, start(m, false, JsonNodeFactory.instance.objectNode()), ApprovalDecider.pending());
    RunOutcome.Failed f = (RunOutcome.Failed) r.outcome();
    assertThat(f.errorClass()).isEqualTo("llm_not_configured");
    assertThat(f.message()).contains("LLM_BASE_URL");
  }

  @Test
  void argumentsTakeTheirDefaultsTypeAndUnknownOnesAreRefused() {
    Mission m = mission(STALE);
    assertThat(
            ((Arguments.Resolved.Ok) Arguments.resolve(m, Map.of("days", "45")))
                .arguments()
                .get("days")
                .isIntegralNumber())
        .isTrue();
    assertThat(
            ((Arguments.Resolved.Invalid) Arguments.resolve(m, Map.of("days", "soon"))).problems())
        .containsExactly("argument \"days\" must be a whole number, found \"soon\"");
    assertThat(((Arguments.Resolved.Invalid) Arguments.resolve(m, Map.of("weeks", "2"))).problems())
        .containsExactly("mission \"stale\" has no argument \"weeks\"; it takes days");
  }
}
