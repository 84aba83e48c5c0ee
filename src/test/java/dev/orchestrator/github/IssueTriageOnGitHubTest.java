package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.http.RecordedRequest;
import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.MissionLoader;
import dev.orchestrator.planner.Planners;
import dev.orchestrator.runtime.ApprovalDecider;
import dev.orchestrator.runtime.MissionBreaker;
import dev.orchestrator.runtime.MissionRunner;
import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunExecutor;
import dev.orchestrator.runtime.RunOutcome;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.runtime.RunStore;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.SqliteBreakerStore;
import dev.orchestrator.store.SqliteRunStore;
import dev.orchestrator.store.SqliteTranscriptStore;
import dev.orchestrator.testing.Payloads;
import dev.orchestrator.tool.ToolContext;
import dev.orchestrator.tool.ToolRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code issue-triage} mission run for real, in App mode, through the runtime, the
 * tools, {@link GitHubRepositoryPort} and the governed transport, against FakeGitHub.
 */
class IssueTriageOnGitHubTest {
  @TempDir Path dir;
  private OnFakeGitHub on;
  private Database db;
  private RunStore runs;
  private RunExecutor executor;

  @BeforeEach
  void open() {
    on = new OnFakeGitHub(dir, GovernorConfig.defaults());
    db = Database.open("jdbc:sqlite:" + dir.resolve("runs.db"));
    runs = new SqliteRunStore(db);
    executor =
        new RunExecutor(
            runs,
            new SqliteTranscriptStore(db),
            new MissionBreaker(new SqliteBreakerStore(db), on.clock),
            new MissionRunner(ToolRegistry.standard(), on.clock),
            on.clock);
  }

  @AfterEach
  void close() {
    db.close();
    on.close();
  }

  @Test
  void theIssueIsLabelledAndAnsweredWithOneTokenAndOnlyDocumentedRequests() throws Exception {
    LoadResult loaded =
        MissionLoader.global().loadFiles(List.of(Path.of("missions/issue-triage.yml")));
    Mission mission = loaded.catalog().missions().get(0);
    ObjectNode event = (ObjectNode) Json.MAPPER.readTree(Payloads.bytes("issues.opened"));
    ((ObjectNode) event.path("repository")).put("full_name", "octo/hello");
    ((ObjectNode) event.path("issue")).put("number", 1);
    event.putObject("installation").put("id", 1);

    RunRecord run = start(mission, event);
    ToolContext tools =
        new ToolContext(
            run.id(),
            run.repository(),
            event,
            false,
            new GitHubRepositoryPort(on.access.gateway(Priority.BACKGROUND), OnFakeGitHub.REPO),
            lookback -> JsonNodeFactory.instance.objectNode());
    JsonNode args = JsonNodeFactory.instance.objectNode();
    RunExecutor.Result result =
        executor.execute(
            run,
            mission,
            Planners.forMission(mission, event, args, on.clock, Planners.NO_MODEL),
            tools,
            ApprovalDecider.pending());

    assertThat(result.outcome()).isInstanceOf(RunOutcome.Succeeded.class);
    assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(on.repo.issues().get(1).labels()).containsExactly("needs-triage");
    var comments = on.github.comments("octo", "hello", 1);
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).body())
        .startsWith("Thanks for opening this issue!")
        .endsWith("<!-- agent-out:" + run.id() + ":2 -->");
    assertThat(on.github.tokensMinted()).isEqualTo(1);
    assertThat(on.github.requests())
        .extracting(r -> r.method() + " " + r.template())
        .containsExactly(
            "POST /app/installations/{installation_id}/access_tokens",
            "GET /repos/{owner}/{repo}/issues/{issue_number}",
            "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
            "POST /repos/{owner}/{repo}/issues/{issue_number}/comments");
    List<RecordedRequest> writes =
        on.github.requests().stream()
            .filter(r -> r.template().contains("{issue_number}/"))
            .toList();
    assertThat(writes.get(1).time()).isAfterOrEqualTo(writes.get(0).time().plusSeconds(1));
  }

  private RunRecord start(Mission m, JsonNode event) {
    NewRun n =
        new NewRun(
            m.name(),
            m.planner().label(),
            1,
            Optional.of("octo/hello"),
            Optional.of(1),
            Optional.empty(),
            "event:issues.opened",
            Optional.of("alice"),
            Optional.empty(),
            RunStatus.RUNNING,
            NewRun.PRIORITY_NORMAL,
            false,
            "{}",
            Optional.of(event.toString()));
    long id = runs.create(n, on.clock.instant()).orElseThrow();
    return runs.find(id).orElseThrow();
  }
}
