package dev.orchestrator.github;

import java.time.Instant;
import java.util.Optional;

/**
 * What became of one request. Besides an answer there are three outcomes, and they differ in what
 * the caller may do next: a request that was {@link NotPerformed} may be sent again; one that is
 * {@link Deferred} was not sent (or GitHub refused it for a rate limit) and may be sent again from
 * its instant on; a write with an {@link UnknownOutcome} may have happened and must not be repeated
 * blindly.
 */
public sealed interface Exchange {
  /** GitHub answered (any status). */
  record Answered(GitHubResponse response) implements Exchange {
    @Override
    public Optional<GitHubResponse> answer() {
      return Optional.of(response);
    }

    @Override
    public String describe() {
      return response.describe();
    }
  }

  /** GitHub did not act on it: never sent, a safe request that failed, or no credentials. */
  record NotPerformed(String reason, FailureKind kind) implements Exchange {
    @Override
    public Optional<GitHubResponse> answer() {
      return Optional.empty();
    }

    @Override
    public String describe() {
      return reason;
    }
  }

  /**
   * Not sent because its lane must wait (a rate limit, pacing) longer than a caller should be held;
   * GitHub has not performed it. Send it again at or after {@code notBefore}.
   */
  record Deferred(Instant notBefore, String reason) implements Exchange {
    @Override
    public Optional<GitHubResponse> answer() {
      return Optional.empty();
    }

    @Override
    public String describe() {
      return reason + "; not before " + notBefore;
    }
  }

  /** A write that was sent and then timed out, lost its connection, or got a 5xx. */
  record UnknownOutcome(String reason) implements Exchange {
    @Override
    public Optional<GitHubResponse> answer() {
      return Optional.empty();
    }

    @Override
    public String describe() {
      return reason + " (outcome unknown)";
    }
  }

  /** The answer, when GitHub answered. */
  Optional<GitHubResponse> answer();

  /** For messages: the status and GitHub's message, or what went wrong. */
  String describe();
}
