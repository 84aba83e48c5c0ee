package dev.orchestrator.github;

import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of one gateway operation. Expected failures are values: not found, refused or failed
 * (with the HTTP status, 0 when there was no answer), and a write whose outcome is unknown — the
 * one case a caller must not blindly repeat.
 */
public sealed interface GitHubResult<T> {
  /** It worked. */
  record Ok<T>(T value) implements GitHubResult<T> {
    @Override
    public String describe() {
      return "ok";
    }
  }

  /** The thing does not exist, or this installation cannot see it (GitHub answers 404 for both). */
  record NotFound<T>(String message) implements GitHubResult<T> {
    @Override
    public String describe() {
      return message;
    }
  }

  /**
   * GitHub refused or failed, and did not act. {@code status} is 0 when no answer came; {@code
   * infrastructure} marks 5xx, timeouts and connection errors (the breaker counts those).
   */
  record Failed<T>(int status, String message, boolean infrastructure) implements GitHubResult<T> {
    @Override
    public String describe() {
      return message;
    }
  }

  /**
   * A write was sent and no answer came back (timeout, lost connection, 5xx): it may have happened.
   */
  record OutcomeUnknown<T>(String message) implements GitHubResult<T> {
    @Override
    public String describe() {
      return message;
    }
  }

  /** For messages: lowercase, saying what was being done. */
  String describe();

  default boolean isOk() {
    return this instanceof Ok;
  }

  /** The value of a success. */
  default Optional<T> optional() {
    return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
  }

  /** The value, or a {@link GitHubException} carrying {@link #describe()}. */
  default T orElseThrow() {
    if (this instanceof Ok<T> ok) {
      return ok.value();
    }
    throw new GitHubException(describe());
  }

  /** True for failures caused by GitHub or the network rather than by the request. */
  default boolean infrastructure() {
    return this instanceof OutcomeUnknown || (this instanceof Failed<T> f && f.infrastructure());
  }

  /** Transforms the value of a success; failures pass through with their message. */
  @SuppressWarnings("unchecked")
  default <U> GitHubResult<U> map(Function<? super T, ? extends U> f) {
    if (this instanceof Ok<T> ok) {
      return new Ok<>(f.apply(ok.value()));
    }
    return (GitHubResult<U>) this;
  }

  /** Chains a further step on a success; failures pass through with their message. */
  @SuppressWarnings("unchecked")
  default <U> GitHubResult<U> flatMap(Function<? super T, GitHubResult<U>> f) {
    if (this instanceof Ok<T> ok) {
      return f.apply(ok.value());
    }
    return (GitHubResult<U>) this;
  }
}
