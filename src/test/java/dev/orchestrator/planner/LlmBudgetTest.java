package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.fakemodel.FakeModel;
import dev.orchestrator.fakemodel.Reply;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.runtime.ApprovalDecider;
import dev.orchestrator.runtime.RunExecutor;
import dev.orchestrator.runtime.RunOutcome;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.store.SqliteSpendLedger;
import dev.orchestrator.testing.FixtureRun;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Budgets stop a run before the call that could cross them, never after. */
class LlmBudgetTest {
  @TempDir Path dir;
  private LlmHarness h;

  @BeforeEach
  void open() {
    h = new LlmHarness(dir);
  }

  @AfterEach
  void close() {
    h.close();
  }

  private static Mission reader(String budget, int maxSteps) {
    return LlmHarness.mission(
        "name: reader\ndescription: d\ngoal: Read the issue and say what it is about.\n"
            + "planner: llm\nmax_steps: "
            + maxSteps
            + "\nallowed_tools: [get_issue]\n"
            + (budget.isEmpty() ? "" : "budget: " + budget + "\n"));
  }

  /** The worst case the guard computes for the {@code i}th request the fake received. */
  private long worstTokens(int i) {
    String body = h.model.requests().get(i).body();
    int messages = h.model.request(i).path("messages").size();
    return body.getBytes(StandardCharsets.UTF_8).length + 8L * messages + LlmHarness.CAP;
  }

  @Test
  void aTokenBudgetTheNextCallCouldCrossBlocksTheRunBeforeTheCall() {
    // the first call's worst case is about 2,900 tokens; after it the run has spent 2,200, so a
    // second call (larger still) cannot fit in 5,000
    Mission m = reader("{ tokens: 5000 }", 10);
    h.model.then(Reply.toolCall("get_issue", "{\"number\": 2}", 2000, 200));
    RunRecord run = h.start(m, LlmHarness.commandOnPull("reader", "Crash", "It crashes"), false);

    RunExecutor.Result r = h.execute(m, run, ApprovalDecider.pending());

    assertThat(worstTokens(0)).isLessThan(5000);
    assertThat(h.model.requests()).as("the second call is never made").hasSize(1);
    assertThat(r.outcome()).isInstanceOf(RunOutcome.Blocked.class);
    String reason = ((RunOutcome.Blocked) r.outcome()).reason();
    assertThat(reason)
        .contains("could cross this run's budget of 5000 tokens")
        .contains("with 2200 tokens and $0.00042 spent")
        .contains("Approve the run to continue with a budget of");
    RunRecord blocked = h.reload(run.id());
    assertThat(blocked.status()).isEqualTo(RunStatus.BLOCKED);
    assertThat(blocked.tokenUsage()).isEqualTo(2200);
    assertThat(blocked.costUsd()).isEqualTo(0.00042); // 2000 × 0.15/1M + 200 × 0.60/1M
    assertThat(blocked.errorClass()).contains("budget");
    assertThat(blocked.error()).contains(reason);
    assertThat(h.github.calls).containsExactly("getIssue 2");
    assertThat(r.transcript().json().path("blocked_reason").asText()).isEqualTo(reason);

    // approved: the run goes on with a larger budget, from where it stopped
    h.clock.advance(Duration.ofMinutes(5));
    h.model.then(Reply.answer("It is about a crash.", 2600, 30));
    RunExecutor.Result resumed =
        h.execute(m, h.approve(run.id()), ApprovalDecider.approvedBy("wes"));
    assertThat(resumed.outcome()).isInstanceOf(RunOutcome.Succeeded.class);
    assertThat(h.reload(run.id()).tokenUsage()).isEqualTo(2200 + 2630);
    assertThat(h.reload(run.id()).errorClass()).isEmpty();
    assertThat(h.model.request(1).path("messages")).hasSize(4);
  }

  @Test
  void aDollarBudgetIsCheckedWithTheWorstCaseCost() {
    // $0.0004 cannot pay for even the first call's worst case at $0.15/$0.60 per million
    Mission m = reader("{ usd: 0.0004 }", 10);
    RunRecord run = h.start(m, LlmHarness.commandOnPull("reader", "Crash", "It crashes"), false);

    RunExecutor.Result r = h.execute(m, run, ApprovalDecider.pending());

    assertThat(h.model.requests()).isEmpty();
    assertThat(((RunOutcome.Blocked) r.outcome()).reason())
        .contains("could cross this run's budget of $0.0004");
    assertThat(h.reload(run.id()).tokenUsage()).isZero();
    assertThat(h.reload(run.id()).costUsd()).isZero();
  }

  @Test
  void aDryRunThatWouldNeedMoreBudgetFailsWithClassBudget() {
    Mission m = reader("{ tokens: 100 }", 10);
    RunRecord run = h.start(m, LlmHarness.commandOnPull("reader", "Crash", "It crashes"), true);

    RunExecutor.Result r = h.execute(m, run, ApprovalDecider.pending());

    RunOutcome.Failed f = (RunOutcome.Failed) r.outcome();
    assertThat(f.errorClass()).isEqualTo("budget");
    assertThat(f.message()).contains("a dry run does not wait for approval");
    assertThat(h.model.requests()).isEmpty();
    assertThat(h.reload(run.id()).errorClass()).contains("budget");
  }

  @Test
  void aSpentDailyBudgetStopsNewRunsOfThatInstallationUntilTheDayEnds() {
    Mission m = reader("", 10);
    FixtureRun.of("other", RunStatus.SUCCEEDED)
        .installation(LlmHarness.INSTALLATION)
        .finished(h.clock.instant().minus(Duration.ofHours(1)), 3)
        .cost(100_000, 4.9999)
        .insert(h.db, h.clock.instant());
    FixtureRun.of("yesterday", RunStatus.SUCCEEDED)
        .installation(LlmHarness.INSTALLATION)
        .finished(h.clock.instant().minus(Duration.ofDays(1)), 3)
        .cost(100_000, 50)
        .insert(h.db, h.clock.instant().minus(Duration.ofDays(1)));
    RunRecord run = h.start(m, LlmHarness.commandOnPull("reader", "Crash", "It crashes"), false);

    RunExecutor.Result r = h.execute(m, run, ApprovalDecider.pending());

    RunOutcome.Failed f = (RunOutcome.Failed) r.outcome();
    assertThat(f.errorClass()).isEqualTo("budget");
    assertThat(f.message())
        .contains("with $4.9999 spent today by the runs of installation 7")
        .contains("daily budget of $5.00 (LLM_DAILY_BUDGET_USD)");
    assertThat(h.model.requests()).isEmpty();

    // another installation's runs do not count
    h.dailyBudget = new BigDecimal("5.00");
    FixtureRun.of("elsewhere", RunStatus.SUCCEEDED)
        .installation(99)
        .finished(h.clock.instant(), 3)
        .cost(1, 100)
        .insert(h.db, h.clock.instant());
    h.clock.advance(Duration.ofDays(1)); // a new day: yesterday's spend is behind
    h.model.then(Reply.answer("Nothing to read.", 300, 5));
    RunRecord next = h.start(m, LlmHarness.commandOnPull("reader", "Crash", "It crashes"), false);
    assertThat(h.execute(m, next, ApprovalDecider.pending()).outcome())
        .isInstanceOf(RunOutcome.Succeeded.class);
  }

  @Test
  void aCallSentAndNeverAnsweredCountsAtItsWorstCaseInTheDailyBudget() throws Exception {
    Mission m = reader("", 10);
    h.use(h.client(h.config(1, Duration.ofMillis(300))));
    FakeModel.Gate held = h.model.holdNext();
    RunRecord run = h.start(m, LlmHarness.commandOnPull("reader", "Crash", "It crashes"), false);

    RunExecutor.Result r = h.execute(m, run, ApprovalDecider.pending());
    held.release();

    RunOutcome.Failed f = (RunOutcome.Failed) r.outcome();
    assertThat(f.message())
        .contains("did not answer within")
        .contains("counted at its worst case, $");
    BigDecimal spent =
        new SqliteSpendLedger(h.db).today(LlmHarness.INSTALLATION, h.clock.instant()).committed();
    // the worst case of one call at the harness's prices: far above zero, far below a dollar
    assertThat(spent).isGreaterThan(BigDecimal.ZERO).isLessThan(BigDecimal.ONE);
    assertThat(f.message()).contains(Money.usd(spent));
  }

  @Test
  void maxStepsStopsAModelThatNeverFinishes() {
    Mission m = reader("", 3);
    for (int i = 0; i < 3; i++) {
      h.model.then(Reply.toolCall("get_issue", "{\"number\": 2}", 400, 10));
    }
    RunRecord run = h.start(m, LlmHarness.commandOnPull("reader", "Crash", "It crashes"), false);

    RunExecutor.Result r = h.execute(m, run, ApprovalDecider.pending());

    RunOutcome.Failed f = (RunOutcome.Failed) r.outcome();
    assertThat(f.errorClass()).isEqualTo("max_steps");
    assertThat(f.message()).contains("reached max_steps: the model was called 3 times");
    assertThat(h.model.requests()).hasSize(3);
    assertThat(h.github.calls).hasSize(3);
    assertThat(h.reload(run.id()).tokenUsage()).isEqualTo(3 * 410);
    JsonNode t = r.transcript().json();
    assertThat(t.path("error").path("class").asText()).isEqualTo("max_steps");
  }
}
