package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BudgetGuardTest {
  private static final PriceTable.Price PRICE =
      new PriceTable.Price(new BigDecimal("2.50"), new BigDecimal("10.00"));
  private static final BigDecimal DAILY = new BigDecimal("5.00");

  private static BudgetGuard.Limits tokens(long t) {
    return new BudgetGuard.Limits(OptionalLong.of(t), Optional.empty());
  }

  @Test
  void theWorstCaseIsTheBytesPlusEightPerMessageAndTheCap() {
    BudgetGuard.Worst w = BudgetGuard.worstCase(4000, 5, 1000, PRICE);
    assertThat(w.promptTokens()).isEqualTo(4040);
    assertThat(w.completionTokens()).isEqualTo(1000);
    assertThat(w.tokens()).isEqualTo(5040);
    // 4040 × 2.50 / 1M + 1000 × 10 / 1M
    assertThat(w.usd()).isEqualByComparingTo("0.0201");
  }

  @Test
  void aCallThatExactlyFillsTheBudgetIsMadeOneTokenMoreIsNot() {
    BudgetGuard.Worst w = BudgetGuard.worstCase(4000, 5, 1000, PRICE);
    BudgetGuard.Limits none = BudgetGuard.Limits.none();
    assertThat(BudgetGuard.check(1000, BigDecimal.ZERO, w, tokens(6040), tokens(6040)))
        .isInstanceOf(BudgetGuard.Verdict.Go.class);
    BudgetGuard.Verdict over =
        BudgetGuard.check(1001, BigDecimal.ZERO, w, tokens(6040), tokens(6040));
    assertThat(over).isInstanceOf(BudgetGuard.Verdict.OverRun.class);
    BudgetGuard.Verdict.OverRun run = (BudgetGuard.Verdict.OverRun) over;
    assertThat(run.raised().tokens()).hasValue(12_080);
    assertThat(run.reason())
        .contains("up to 5040 tokens (4040 prompt, 1000 completion)")
        .contains("could cross this run's budget of 6040 tokens")
        .endsWith("continue with a budget of 12080 tokens");
    assertThat(BudgetGuard.check(1_000_000, BigDecimal.ZERO, w, none, none))
        .as("no run budget: only the daily one")
        .isInstanceOf(BudgetGuard.Verdict.Go.class);
  }

  @Test
  void approvalRaisesEachLimitByTheMissionsBudgetAndAtLeastToTheNextCall() {
    BudgetGuard.Limits limits =
        new BudgetGuard.Limits(OptionalLong.of(1000), Optional.of(new BigDecimal("0.10")));
    BudgetGuard.Limits raised = BudgetGuard.raise(limits, limits, 1500, new BigDecimal("0.05"));
    assertThat(raised.tokens()).hasValue(2000);
    assertThat(raised.usd()).contains(new BigDecimal("0.20"));
    BudgetGuard.Limits needMore = BudgetGuard.raise(limits, limits, 9000, new BigDecimal("0.90"));
    assertThat(needMore.tokens()).hasValue(9000);
    assertThat(needMore.usd()).contains(new BigDecimal("0.90"));
  }

  @Test
  void theDailyReasonSaysWhatIsSpentAndWhatIsReserved() {
    BudgetGuard.Worst w = BudgetGuard.worstCase(4000, 5, 1000, PRICE); // $0.0201
    String spentOnly =
        BudgetGuard.overDaily(
            w, new SpendLedger.Today(new BigDecimal("4.98"), BigDecimal.ZERO), DAILY, 7);
    assertThat(spentOnly)
        .contains("could cost up to $0.0201")
        .contains("with $4.98 spent today by the runs of installation 7")
        .contains("daily budget of $5.00");
    String both =
        BudgetGuard.overDaily(
            w, new SpendLedger.Today(new BigDecimal("4.5"), new BigDecimal("0.48")), DAILY, 7);
    assertThat(both)
        .contains("with $4.50 spent and $0.48 reserved by calls under way today by the runs");
  }
}
