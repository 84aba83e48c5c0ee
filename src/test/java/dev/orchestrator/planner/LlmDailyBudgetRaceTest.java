package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakemodel.FakeModel;
import dev.orchestrator.fakemodel.Reply;
import dev.orchestrator.health.RunStats;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.runtime.ApprovalDecider;
import dev.orchestrator.runtime.RunExecutor;
import dev.orchestrator.runtime.RunOutcome;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.store.SqliteRunStats;
import dev.orchestrator.store.SqliteSpendLedger;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily budget holds when runs of one installation call the model at the same time: each call
 * is made under a reservation of its worst case, so a second run cannot spend what a call still out
 * may cost.
 */
class LlmDailyBudgetRaceTest {
  private static final BigDecimal INPUT = new BigDecimal("0.15"); // per million, LlmHarness.PRICES
  private static final BigDecimal OUTPUT = new BigDecimal("0.60");
  private static final BigDecimal MILLION = new BigDecimal(1_000_000);

  @TempDir Path dir;
  private LlmHarness h;

  @BeforeEach
  void open() {
    h = new LlmHarness(dir);
    // a request timeout far longer than the test holds the first call
    ModelConfig c = h.config(ModelConfig.DEFAULT_MAX_TRIES);
    h.use(
        h.client(
            new ModelConfig(
                c.baseUrl(),
                c.apiKey(),
                c.model(),
                c.capParam(),
                c.cap(),
                c.connectTimeout(),
                Duration.ofSeconds(60),
                c.maxTries(),
                c.retryBase(),
                c.retryCap(),
                c.longestRetryAfter())));
  }

  @AfterEach
  void close() {
    h.close();
  }

  private static BigDecimal usd(long prompt, long completion) {
    return INPUT
        .multiply(BigDecimal.valueOf(prompt))
        .add(OUTPUT.multiply(BigDecimal.valueOf(completion)))
        .divide(MILLION);
  }

  @Test
  void twoRunsAtOnceAgainstABudgetForOneWorstCaseMakeOneModelCall() throws Exception {
    Mission m =
        LlmHarness.mission(
            "name: reader\ndescription: d\ngoal: Read the issue and say what it is about.\n"
                + "planner: llm\nmax_steps: 5\nallowed_tools: [get_issue]\n");
    h.dailyBudget = new BigDecimal("0.0015");
    RunRecord first = h.start(m, LlmHarness.commandOnPull("reader", "Crash", "It crashes"), false);
    RunRecord second = h.start(m, LlmHarness.commandOnPull("reader", "Crash", "It crashes"), false);
    h.model.then(Reply.answer("It is about a crash.", 1200, 40));
    FakeModel.Gate gate = h.model.holdNext();
    ExecutorService worker = Executors.newSingleThreadExecutor();
    RunExecutor.Result a;
    RunExecutor.Result b;
    try {
      Future<RunExecutor.Result> pending =
          worker.submit(() -> h.execute(m, first, ApprovalDecider.pending()));
      assertThat(gate.awaitArrival(Duration.ofSeconds(30))).as("the first run's call").isTrue();
      // the first run's call is out: the second run's worker checks the budget now
      b = h.execute(m, second, ApprovalDecider.pending());
      gate.release();
      a = pending.get(60, TimeUnit.SECONDS);
    } finally {
      gate.release();
      worker.shutdownNow();
    }

    // the budget fits one call's worst case, not two (both runs send the same request)
    String body = h.model.requests().get(0).body();
    long prompt =
        body.getBytes(StandardCharsets.UTF_8).length
            + 8L * h.model.request(0).path("messages").size();
    BigDecimal worst = usd(prompt, LlmHarness.CAP);
    assertThat(worst).isLessThanOrEqualTo(h.dailyBudget);
    assertThat(worst.add(worst)).isGreaterThan(h.dailyBudget);

    assertThat(h.model.requests()).as("one model call in all").hasSize(1);
    assertThat(h.model.surprises()).isEmpty();
    assertThat(a.outcome()).isInstanceOf(RunOutcome.Succeeded.class);
    RunOutcome.Failed stopped = (RunOutcome.Failed) b.outcome();
    assertThat(stopped.errorClass()).isEqualTo("budget");
    assertThat(stopped.message())
        .contains("with $0.00 spent and " + Money.usd(worst) + " reserved by calls under way")
        .contains("daily budget of $0.0015 (LLM_DAILY_BUDGET_USD)");
    assertThat(h.reload(second.id()).errorClass()).contains("budget");
    assertThat(h.reload(second.id()).costUsd()).isZero();

    // what is recorded is what the model reported, exactly: reservations are not spend
    BigDecimal exact = usd(1200, 40); // $0.000204
    assertThat(h.reload(first.id()).tokenUsage()).isEqualTo(1240);
    assertThat(BigDecimal.valueOf(h.reload(first.id()).costUsd())).isEqualByComparingTo(exact);
    SpendLedger.Today today = new SqliteSpendLedger(h.db).today(7, h.clock.instant());
    assertThat(today.spent()).isEqualByComparingTo(exact);
    assertThat(today.reserved()).isZero();
    RunStats stats =
        new SqliteRunStats(h.db)
            .finishedBetween(h.clock.instant().minus(Duration.ofDays(1)), h.clock.instant());
    assertThat(BigDecimal.valueOf(stats.totalCostUsd())).isEqualByComparingTo(exact);

    // with the first call settled, the budget has room for the second run's next try
    h.model.then(Reply.answer("It is about a crash.", 1200, 40));
    RunRecord again = h.start(m, LlmHarness.commandOnPull("reader", "Crash", "It crashes"), false);
    assertThat(h.execute(m, again, ApprovalDecider.pending()).outcome())
        .isInstanceOf(RunOutcome.Succeeded.class);
  }
}
