package dev.orchestrator.planner;

/**
 * The error classes of llm runs, as recorded in {@code runs.error_class} and explained by {@code
 * agent explain}.
 */
public final class LlmErrors {
  /** The provider could not be reached, timed out, answered 5xx, or its breaker is open. */
  public static final String UNAVAILABLE = "llm_unavailable";

  /** The provider kept answering 429 (or asked to wait longer than we would). */
  public static final String RATE_LIMITED = "llm_rate_limited";

  /** The provider refused the request: bad key, unknown model, bad request, no quota. */
  public static final String ERROR = "llm_error";

  /** The answer did not follow the protocol. */
  public static final String MALFORMED = ModelReply.Malformed.ERROR_CLASS;

  /** The model refused or its answer was filtered. */
  public static final String REFUSED = "llm_refused";

  /** The next call could have crossed a budget. */
  public static final String BUDGET = "budget";

  /** The model was called {@code max_steps} times without finishing. */
  public static final String MAX_STEPS = "max_steps";

  /** No model is configured, or its price table is unusable. */
  public static final String NOT_CONFIGURED = "llm_not_configured";

  private LlmErrors() {}
}
