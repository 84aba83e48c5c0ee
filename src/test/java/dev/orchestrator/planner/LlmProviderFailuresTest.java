package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakemodel.Reply;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.runtime.ApprovalDecider;
import dev.orchestrator.runtime.RunExecutor;
import dev.orchestrator.runtime.RunOutcome;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rate limits, provider errors and outages: retried where safe, and always a clean failure. */
class LlmProviderFailuresTest {
  @TempDir Path dir;
  private LlmHarness h;
  private final Mission m =
      LlmHarness.mission(
          "name: reader\ndescription: d\ngoal: Say what the issue is about.\nplanner: llm\n"
              + "allowed_tools: [get_issue]\n");

  @BeforeEach
  void open() {
    h = new LlmHarness(dir);
  }

  @AfterEach
  void close() {
    h.close();
  }

  private RunExecutor.Result run() {
    RunRecord run = h.start(m, LlmHarness.commandOnPull("reader", "Crash", "It crashes"), false);
    return h.execute(m, run, ApprovalDecider.pending());
  }

  private static RunOutcome.Failed failed(RunExecutor.Result r) {
    assertThat(r.outcome()).isInstanceOf(RunOutcome.Failed.class);
    return (RunOutcome.Failed) r.outcome();
  }

  @Test
  void a429WithRetryAfterIsWaitedOutOnTheInjectedClockThenRetried() {
    Instant start = h.clock.instant();
    h.model.then(Reply.rateLimited(7), Reply.answer("Fine.", 100, 5));

    RunExecutor.Result r = run();

    assertThat(r.outcome()).isInstanceOf(RunOutcome.Succeeded.class);
    assertThat(h.waits).containsExactly(start.plusSeconds(7));
    assertThat(h.model.requests()).hasSize(2);
    assertThat(h.model.requests().get(1).body()).isEqualTo(h.model.requests().get(0).body());
    assertThat(h.reload(1).tokenUsage()).isEqualTo(105);
  }

  @Test
  void aShortRetryAfterStillWaitsTheBackOff() {
    Instant start = h.clock.instant();
    h.model.then(Reply.rateLimited(0), Reply.error(503, "server_error", null, "overloaded"));
    h.model.then(Reply.answer("Fine.", 100, 5));

    assertThat(run().outcome()).isInstanceOf(RunOutcome.Succeeded.class);
    // back-off 1 s then 2 s (no jitter in the harness); retry-after 0 asks for no more
    assertThat(h.waits).containsExactly(start.plusSeconds(1), start.plusSeconds(3));
  }

  @Test
  void aRetryAfterLongerThanARunWaitsFailsAtOnce() {
    h.model.then(Reply.rateLimited(3600));

    RunOutcome.Failed f = failed(run());

    assertThat(f.errorClass()).isEqualTo("llm_rate_limited");
    assertThat(f.infrastructure()).isTrue();
    assertThat(f.message()).contains("429").contains("asked to wait 3600s");
    assertThat(h.waits).isEmpty();
    assertThat(h.model.requests()).hasSize(1);
  }

  @Test
  void persistent5xxFailsAfterItsTriesAsAnInfrastructureFailure() {
    for (int i = 0; i < 3; i++) {
      h.model.then(Reply.error(502, "server_error", null, "bad gateway"));
    }

    RunOutcome.Failed f = failed(run());

    assertThat(f.errorClass()).isEqualTo("llm_unavailable");
    assertThat(f.infrastructure()).isTrue();
    assertThat(f.message()).contains("502").contains("bad gateway").contains("(3 tries)");
    assertThat(h.model.requests()).hasSize(3);
    assertThat(h.reload(1).status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void anExhaustedQuotaIsNotRetried() {
    h.model.then(
        Reply.error(
            429, "insufficient_quota", "insufficient_quota", "You exceeded your current quota"));

    RunOutcome.Failed f = failed(run());

    assertThat(f.errorClass()).isEqualTo("llm_error");
    assertThat(f.infrastructure()).isFalse();
    assertThat(f.message()).contains("quota exhausted");
    assertThat(h.model.requests()).hasSize(1);
  }

  @Test
  void aBadKeyNamesTheVariableToFix() {
    h.model.then(
        Reply.error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided"));

    RunOutcome.Failed f = failed(run());

    assertThat(f.errorClass()).isEqualTo("llm_error");
    assertThat(f.message())
        .contains("401 (check LLM_API_KEY)")
        .contains("Incorrect API key provided")
        .doesNotContain(LlmHarness.API_KEY);
  }

  @Test
  void aProviderThatCannotBeReachedFailsCleanlyAfterItsTries() throws Exception {
    // a privileged port nothing listens on: a port found free and closed again could be taken by
    // another test JVM before the client connects
    int port = 1;
    ModelConfig c = h.config(2);
    h.use(
        h.client(
            new ModelConfig(
                URI.create("http://127.0.0.1:" + port + "/v1"),
                c.apiKey(),
                c.model(),
                c.capParam(),
                c.cap(),
                c.connectTimeout(),
                c.requestTimeout(),
                c.maxTries(),
                c.retryBase(),
                c.retryCap(),
                c.longestRetryAfter())));

    RunOutcome.Failed f = failed(run());

    assertThat(f.errorClass()).isEqualTo("llm_unavailable");
    assertThat(f.message()).contains("cannot connect").contains("(2 tries)");
    assertThat(h.waits).hasSize(1);
  }

  @Test
  void theBreakerOpensAfterRepeatedFailuresAndThenFailsFastWithoutCalling() {
    h.use(h.client(h.config(1)));
    for (int i = 0; i < ChatClient.BREAKER_MINIMUM; i++) {
      h.model.then(Reply.error(500, "server_error", null, "down"));
      assertThat(failed(run()).errorClass()).isEqualTo("llm_unavailable");
    }
    int calls = h.model.requests().size();

    RunOutcome.Failed f = failed(run());

    assertThat(f.message()).contains("circuit breaker");
    assertThat(f.infrastructure()).isTrue();
    assertThat(h.model.requests()).hasSize(calls);

    h.clock.advance(ChatClient.BREAKER_OPEN.plus(Duration.ofSeconds(1)));
    h.model.then(Reply.answer("Back.", 10, 2));
    assertThat(run().outcome()).isInstanceOf(RunOutcome.Succeeded.class);
  }
}
