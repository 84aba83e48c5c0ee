package dev.orchestrator.planner;

/**
 * The tokens one model answer used, as its {@code usage} object reported them.
 *
 * @param prompt {@code usage.prompt_tokens}
 * @param completion {@code usage.completion_tokens}
 */
public record TokenUsage(long prompt, long completion) {
  public TokenUsage {
    if (prompt < 0 || completion < 0) {
      throw new IllegalArgumentException(
          "token counts must not be negative, found " + prompt + " and " + completion);
    }
  }

  /** prompt + completion: what {@code token_usage} adds up. */
  public long total() {
    return prompt + completion;
  }
}
