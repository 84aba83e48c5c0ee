package dev.orchestrator.github;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of one gateway operation. Expected failures are values: not found, refused or failed
 * (with the HTTP status, 0 when there was no answer), deferred by the rate-limit governor (not
 * performed; try again from an instant on), and a write whose outcome is unknown — the one case a
 * caller must not blindly repeat.
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
   * infrastructure} marks 5xx, timeouts and connection errors (the breaker counts those); {@code
   * kind} says which.
   */
  record Failed<T>(int status, String message, boolean infrastructure, FailureKind kind)
      implements GitHubResult<T> {
    /** A failure whose kind follows from the status. */
    public Failed(int status, String message, boolean infrastructure) {
      this(status, message, infrastructure, FailureKind.of(status, infrastructure));
    }

    @Override
    public String describe() {
      return message;
    }
  }

  /**
   * Not performed: the lane must wait (a rate limit, the reserve, pacing) longer than a worker
   * should be held. The caller requeues its work with {@code notBefore}; sending the same request
   * then is safe, writes included, since GitHub did not act on it.
   */
  record Deferred<T>(Instant notBefore, String message) implements GitHubResult<T> {
    @Override
    public String describe() {
      return message + "; not before " + notBefore;
    }

    @Override
    public Optional<Instant> retryAt() {
      return Optional.of(notBefore);
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

  /** When a deferred operation may be tried again; empty for every other outcome. */
  default Optional<Instant> retryAt() {
    return Optional.empty();
  }

  /**
   * True for failures caused by GitHub or the network rather than by the request. A deferral is not
   * one: nothing failed, the lane is waiting.
   */
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
