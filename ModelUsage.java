package dev.orchestrator.planner;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run has spent on model calls so far: the calls answered, the tokens their {@code usage}
 * reported, and their cost from the price table. Deterministic runs spend nothing.
 *
 * @param calls model calls that were answered
 * @param promptTokens Σ {@code usage.prompt_tokens}
 * @param completionTokens Σ {@code usage.completion_tokens}
 * @param costUsd Σ cost of each answer, exact (never rounded)
 * @param model the configured model, when the run used one
 */
public record ModelUsage(
    int calls,
    long promptTokens,
    long completionTokens,
    BigDecimal costUsd,
    Optional<String> model) {
  /** Nothing spent. */
  public static final ModelUsage NONE =
      new ModelUsage(0, 0, 0, BigDecimal.ZERO, Optional.empty());

  public ModelUsage {
    Objects.requireNonNull(costUsd, "costUsd");
    Objects.requireNonNull(model, "model");
  }

  /** prompt + completion tokens: the run's {@code token_usage}. */
  public long tokens() {
    return promptTokens + completionTokens;
  }

  /** What was spent since {@code earlier} (the model stays this one's). */
  public ModelUsage since(ModelUsage earlier) {
    return new ModelUsage(
        calls - earlier.calls,
        promptTokens - earlier.promptTokens,
        completionTokens - earlier.completionTokens,
        costUsd.subtract(earlier.costUsd),
        model);
  }
}
