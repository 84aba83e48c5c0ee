package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.http.RecordedRequest;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.github.FakeGitHubFixture.Mode;
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
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code issue-triage} mission run for real in App mode against the FakeGitHub:
 * runtime, deterministic planner, tools, and the gateway under them through {@link
 * GitHubRepositoryPort}. One token is minted, the issue is labelled, the comment carries its
 * marker, the two writes go a second apart, and nothing outside GitHub's description is asked for.
 */
class IssueTriageAgainstFakeGitHubTest {
  private static final long INSTALLATION = 2;

  @TempDir Path dir;
  private FakeGitHubFixture f;
  private Database db;

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
    f.verify();
    f.close();
  }

  @Test
  void aNewIssueIsLabelledAndAskedForDetailsWithOneToken() throws Exception {
    f = FakeGitHubFixture.start(Mode.APP_PKCS1);
    f.github.install(INSTALLATION, "Codertocat");
    FakeRepo hello = f.github.repo("Codertocat", "Hello-World");
    hello.add(IssueSeed.issue("Spelling error in the README file").author("Codertocat"));
    // the webhook payload names the installation, as GitHub's does for an App
    ObjectNode event = (ObjectNode) new ObjectMapper().readTree(Payloads.bytes("issues.opened"));
    event.putObject("installation").put("id", INSTALLATION);
    Mission mission = triage();

    db = Database.open("jdbc:sqlite:" + dir.resolve("runs.db"));
    RunStore runs = new SqliteRunStore(db);
    RunExecutor executor =
        new RunExecutor(
            runs,
            new SqliteTranscriptStore(db),
            new MissionBreaker(new SqliteBreakerStore(db), f.clock),
            new MissionRunner(ToolRegistry.standard(), f.clock),
            f.clock);
    RunRecord run = start(runs, mission, event);
    Repo repo = Repo.of("Codertocat/Hello-World").via(INSTALLATION);
    ToolContext tools =
        new ToolContext(
            run.id(),
            run.repository(),
            event,
            false,
            new GitHubRepositoryPort(f.gateway(), repo),
            lookback -> JsonNodeFactory.instance.objectNode());
    JsonNode args = JsonNodeFactory.instance.objectNode(); // issue-triage takes no arguments

    RunExecutor.Result result =
        executor.execute(
            run,
            mission,
            Planners.forMission(mission, event, args, f.clock, Planners.NO_MODEL),
            tools,
            ApprovalDecider.pending());

    assertThat(result.outcome()).isInstanceOf(RunOutcome.Succeeded.class);
    assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.github.tokensMinted()).isEqualTo(1);
    assertThat(hello.issues().get(1).labels()).containsExactly("needs-triage");
    var comments = f.github.comments("Codertocat", "Hello-World", 1);
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).author().login()).isEqualTo("agent-orchestrator-test[bot]");
    assertThat(comments.get(0).body())
        .startsWith("Thanks for opening this issue!")
        .containsPattern(Pattern.compile("\n\n<!-- agent-out:" + run.id() + ":\\d+ -->$"));
    assertThat(f.github.requests())
        .extracting(r -> r.method() + " " + r.template())
        .containsExactly(
            "POST /app/installations/{installation_id}/access_tokens",
            "GET /repos/{owner}/{repo}/issues/{issue_number}",
            "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
            "POST /repos/{owner}/{repo}/issues/{issue_number}/comments");
    List<RecordedRequest> sent = f.github.requests();
    assertThat(sent.get(3).time()).isAfterOrEqualTo(sent.get(2).time().plusSeconds(1));
  }

  private static Mission triage() {
    LoadResult loaded =
        MissionLoader.global().loadFiles(List.of(Path.of("missions/issue-triage.yml")));
    assertThat(loaded.problems()).isEmpty();
    return loaded.catalog().missions().get(0);
  }

  private RunRecord start(RunStore runs, Mission mission, JsonNode event) {
    NewRun n =
        new NewRun(
            mission.name(),
            mission.planner().label(),
            INSTALLATION,
            Optional.of("Codertocat/Hello-World"),
            Optional.of(1),
            Optional.empty(),
            "event:issues.opened",
            Optional.of("Codertocat"),
            Optional.empty(),
            RunStatus.RUNNING,
            NewRun.PRIORITY_NORMAL,
            false,
            "{}",
            Optional.of(event.toString()));
    long id = runs.create(n, f.clock.instant()).orElseThrow();
    return runs.find(id).orElseThrow();
  }
}
