package dev.orchestrator.planner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides before each model call whether it may be made, from a worst case: the prompt cannot have
 * more tokens than the request has UTF-8 bytes plus 8 per message, and the answer cannot have more
 * than the completion cap. A call whose worst case could cross the run's budget ({@code
 * budget.tokens}, {@code budget.usd}) is not made; nor is one the installation's daily budget
 * ({@code LLM_DAILY_BUDGET_USD}) cannot cover, which the {@link SpendLedger} decides. Pure.
 */
final class BudgetGuard {
  /** Tokens a message adds to a prompt beyond its bytes (role and separators), at most. */
  static final int TOKENS_PER_MESSAGE = 8;

  private BudgetGuard() {}

  /** The most a call can use. */
  record Worst(long promptTokens, long completionTokens, BigDecimal usd) {
    long tokens() {
      return promptTokens + completionTokens;
    }
  }

  /** A run's limits: either may be absent. */
  record Limits(OptionalLong tokens, Optional<BigDecimal> usd) {
    Limits {
      Objects.requireNonNull(tokens, "tokens");
      Objects.requireNonNull(usd, "usd");
    }

    static Limits none() {
      return new Limits(OptionalLong.empty(), Optional.empty());
    }
  }

  /** Whether the run's own budget lets the call be made. */
  sealed interface Verdict {
    /** Within the run's budget. */
    record Go() implements Verdict {}

    /** It could cross the run's budget; approval continues the run with {@code raised}. */
    record OverRun(String reason, Limits raised) implements Verdict {}
  }

  static Worst worstCase(int requestBytes, int messages, int cap, PriceTable.Price price) {
    long prompt = (long) requestBytes + (long) TOKENS_PER_MESSAGE * messages;
    return new Worst(prompt, cap, price.cost(prompt, cap));
  }

  /**
   * Why a call may not be made under the installation's daily budget; the check itself is the
   * ledger's ({@link SpendLedger#reserve}), atomic across workers and processes.
   */
  static String overDaily(
      Worst worst, SpendLedger.Today today, BigDecimal dailyBudget, long installationId) {
    String reserved =
        today.reserved().signum() == 0
            ? ""
            : " and " + Money.usd(today.reserved()) + " reserved by calls under way";
    return "the next model call could cost up to "
        + Money.usd(worst.usd())
        + "; with "
        + Money.usd(today.spent())
        + " spent"
        + reserved
        + " today by the runs of installation "
        + installationId
        + ", that could cross its daily budget of "
        + Money.usd(dailyBudget)
        + " (LLM_DAILY_BUDGET_USD); its llm runs stop until the day ends at 00:00 UTC";
  }

  /**
   * @param spentTokens the run's tokens so far
   * @param spentUsd the run's cost so far
   * @param limits the run's limits now (the mission's, raised by approvals)
   * @param step what one approval adds (the mission's budget)
   */
  static Verdict check(
      long spentTokens, BigDecimal spentUsd, Worst worst, Limits limits, Limits step) {
    List<String> crossed = new ArrayList<>();
    if (limits.tokens().isPresent() && spentTokens + worst.tokens() > limits.tokens().getAsLong()) {
      crossed.add(limits.tokens().getAsLong() + " tokens");
    }
    if (limits.usd().isPresent() && spentUsd.add(worst.usd()).compareTo(limits.usd().get()) > 0) {
      crossed.add(Money.usd(limits.usd().get()));
    }
    if (crossed.isEmpty()) {
      return new Verdict.Go();
    }
    Limits raised = raise(limits, step, spentTokens + worst.tokens(), spentUsd.add(worst.usd()));
    return new Verdict.OverRun(
        "the next model call could use up to "
            + worst.tokens()
            + " tokens ("
            + worst.promptTokens()
            + " prompt, "
            + worst.completionTokens()
            + " completion) costing up to "
            + Money.usd(worst.usd())
            + "; with "
            + spentTokens
            + " tokens and "
            + Money.usd(spentUsd)
            + " spent, that could cross this run's budget of "
            + String.join(" and ", crossed)
            + ". Approve the run to continue with a budget of "
            + describe(raised),
        raised);
  }

  /** Each limit raised by one more step, and at least to what the next call needs. */
  static Limits raise(Limits limits, Limits step, long neededTokens, BigDecimal neededUsd) {
    OptionalLong tokens = OptionalLong.empty();
    if (limits.tokens().isPresent()) {
      long t = limits.tokens().getAsLong() + step.tokens().orElse(limits.tokens().getAsLong());
      tokens = OptionalLong.of(Math.max(t, neededTokens));
    }
    Optional<BigDecimal> usd = Optional.empty();
    if (limits.usd().isPresent()) {
      BigDecimal u = limits.usd().get().add(step.usd().orElse(limits.usd().get()));
      usd = Optional.of(u.max(neededUsd));
    }
    return new Limits(tokens, usd);
  }

  static String describe(Limits l) {
    List<String> parts = new ArrayList<>();
    l.tokens().ifPresent(t -> parts.add(t + " tokens"));
    l.usd().ifPresent(u -> parts.add(Money.usd(u)));
    return String.join(" and ", parts);
  }
}
