package dev.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.planner.Planners;
import dev.orchestrator.queue.MissionQueue;
import dev.orchestrator.report.Explanation;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.SqliteBreakerStore;
import dev.orchestrator.store.SqliteMissionQueue;
import dev.orchestrator.store.SqliteRunStore;
import dev.orchestrator.store.SqliteTranscriptStore;
import dev.orchestrator.testing.MutableClock;
import dev.orchestrator.testing.Payloads;
import dev.orchestrator.testing.QueuedRun;
import dev.orchestrator.testing.ScriptedRepository;
import dev.orchestrator.tool.ToolContext;
import dev.orchestrator.tool.ToolRegistry;
import dev.orchestrator.tool.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose GitHub call is deferred by the rate-limit governor goes back to the queue and resumes
 * from its checkpoint when due: the deferred call is made again, the steps before it are not.
 */
class RunDeferralTest {
  private static final Duration LEASE = Duration.ofMinutes(1);
  private static final String MISSION =
      "name: reply\ndescription: d\nplanner: deterministic\n"
          + "allowed_tools: [get_issue, add_labels, post_comment]\n"
          + "steps:\n"
          + "  - tool: get_issue\n    args: { number: 1 }\n"
          + "  - tool: add_labels\n    args: { number: 1, labels: [seen] }\n"
          + "  - tool: post_comment\n    args: { number: 1, body: first }\n"
          + "  - tool: post_comment\n    args: { number: 1, body: second }\n";

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
  private final ScriptedRepository github = new ScriptedRepository();
  private Database db;
  private RunStore runs;
  private TranscriptStore transcripts;
  private SqliteMissionQueue queue;
  private RunExecutor executor;
  private final Mission mission = MissionRuntimeTest.mission(MISSION);
  private JsonNode event;

  @BeforeEach
  void open() throws Exception {
    db = Database.open("jdbc:sqlite:" + dir.resolve("rt.db"));
    runs = new SqliteRunStore(db);
    transcripts = new SqliteTranscriptStore(db);
    queue = new SqliteMissionQueue(db, 10, 100);
    MissionBreaker breaker = new MissionBreaker(new SqliteBreakerStore(db), clock);
    executor =
        new RunExecutor(
            runs, transcripts, breaker, new MissionRunner(ToolRegistry.standard(), clock), clock);
    event = new ObjectMapper().readTree(Payloads.bytes("issues.opened"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private RunExecutor.Result executeClaimed() {
    RunRecord run = queue.claim("w1", LEASE, clock.instant()).orElseThrow();
    ToolContext tools =
        new ToolContext(
            run.id(),
            run.repository(),
            event,
            false,
            github,
            lookback -> JsonNodeFactory.instance.objectNode());
    return executor.execute(
        run,
        mission,
        Planners.forMission(
            mission, event, JsonNodeFactory.instance.objectNode(), clock, Planners.NO_MODEL),
        tools,
        ApprovalDecider.pending());
  }

  private List<String> calls(String method) {
    return github.calls.stream().filter(c -> c.startsWith(method + " ")).toList();
  }

  @Test
  void theSecondWriteIsDeferredThenMadeOnceWhenDueAndNothingBeforeItIsRepeated() {
    Instant reset = clock.instant().plus(Duration.ofMinutes(40));
    github.answerCall(
        "postComment", 1, new ToolResult.Deferred(reset, "posting a comment: core limit spent"));
    MissionQueue.Offer offer = queue.offer(QueuedRun.of("reply", 3, 1), clock.instant());
    long id = ((MissionQueue.Offer.Queued) offer).runId();

    RunExecutor.Result first = executeClaimed();

    assertThat(first.outcome())
        .isEqualTo(new RunOutcome.Deferred(reset, "posting a comment: core limit spent"));
    RunRecord waiting = runs.find(id).orElseThrow();
    assertThat(waiting.status()).isEqualTo(RunStatus.QUEUED);
    assertThat(waiting.notBefore()).contains(reset);
    assertThat(waiting.errorClass()).contains("rate_limited");
    assertThat(waiting.error().orElseThrow())
        .startsWith("waiting for GitHub's rate limit until " + reset);
    assertThat(waiting.toolCallCount()).isEqualTo(2);
    assertThat(waiting.finishedAt()).isEmpty();
    JsonNode t = first.transcript().json();
    assertThat(t.path("steps")).hasSize(2);
    assertThat(t.path("deferrals").get(0).path("after_step").asInt()).isEqualTo(2);
    String explained = Explanation.text(t);
    assertThat(explained)
        .contains("status: QUEUED")
        .contains("deferred: step 3 (post_comment) until " + reset)
        .contains(
            "waiting for GitHub's rate limit until "
                + reset
                + "; then a worker goes on from step 3");

    clock.advance(Duration.ofMinutes(39));
    assertThat(queue.claim("w1", LEASE, clock.instant())).as("not before the reset").isEmpty();
    clock.set(reset);
    RunExecutor.Result second = executeClaimed();

    assertThat(second.outcome()).isInstanceOf(RunOutcome.Succeeded.class);
    assertThat(calls("getIssue")).hasSize(1);
    assertThat(calls("addLabels")).hasSize(1);
    List<String> posts = calls("postComment");
    assertThat(posts).hasSize(3);
    assertThat(posts.get(1)).as("the deferred call again, with its marker").isEqualTo(posts.get(0));
    assertThat(posts.get(2)).isNotEqualTo(posts.get(1));
    RunRecord done = runs.find(id).orElseThrow();
    assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(done.error()).isEmpty();
    assertThat(done.notBefore()).isEmpty();
    assertThat(done.toolCallCount()).isEqualTo(4);
    JsonNode end = second.transcript().json();
    assertThat(end.path("steps")).hasSize(4);
    assertThat(end.has("waiting_until")).isFalse();
    assertThat(Explanation.text(end)).contains("status: SUCCEEDED").doesNotContain("waiting for");
  }
}
