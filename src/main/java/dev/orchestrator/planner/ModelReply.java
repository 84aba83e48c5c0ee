package dev.orchestrator.planner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one chat-completions call came to: a closed set. Every variant carries the {@code usage} the
 * answer reported when it had one, so that tokens are counted even when the answer is unusable.
 */
public sealed interface ModelReply {
  /** The tokens the answer reported; empty when there was no usable answer. */
  Optional<TokenUsage> usage();

  /**
   * A usable answer: tool calls to make, or (without calls) the final answer in {@code content}.
   *
   * @param message the assistant message as it goes back into the conversation
   * @param finishReason {@code choices[0].finish_reason}, empty when absent
   */
  record Answer(
      Optional<String> content,
      List<ModelToolCall> calls,
      ObjectNode message,
      Optional<String> finishReason,
      TokenUsage tokens)
      implements ModelReply {
    public Answer {
      Objects.requireNonNull(content, "content");
      calls = List.copyOf(calls);
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(finishReason, "finishReason");
      Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public Optional<TokenUsage> usage() {
      return Optional.of(tokens);
    }
  }

  /**
   * The answer does not follow the protocol: not JSON, no choices, bad {@code arguments}, a tool
   * that does not exist. Fails the run with class {@code llm_malformed}.
   */
  record Malformed(String reason, Optional<TokenUsage> usage) implements ModelReply {
    public static final String ERROR_CLASS = "llm_malformed";

    public Malformed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(usage, "usage");
    }
  }

  /**
   * The provider answered with an error, could not be reached, or the model refused. {@code
   * infrastructure} (provider down, rate limited, timed out) is what the mission breaker counts.
   * {@code unanswered}: the request was sent and no answer came (a timeout, a lost connection), so
   * the provider may have charged for it without saying how much.
   */
  record Failed(
      String errorClass,
      String message,
      boolean infrastructure,
      Optional<TokenUsage> usage,
      boolean unanswered)
      implements ModelReply {
    public Failed {
      Objects.requireNonNull(errorClass, "errorClass");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(usage, "usage");
    }

    /** A failure with an answer, or before anything was sent. */
    public Failed(
        String errorClass, String message, boolean infrastructure, Optional<TokenUsage> usage) {
      this(errorClass, message, infrastructure, usage, false);
    }
  }
}
