package dev.orchestrator.github;

import java.util.Optional;

/**
 * What became of one request. Besides an answer there are exactly two failures, and they differ in
 * what the caller may do next: a request that was {@link NotPerformed} may be sent again; a write
 * with an {@link UnknownOutcome} may have happened and must not be repeated blindly.
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
  record NotPerformed(String reason) implements Exchange {
    @Override
    public Optional<GitHubResponse> answer() {
      return Optional.empty();
    }

    @Override
    public String describe() {
      return reason;
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
