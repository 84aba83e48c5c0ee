package dev.orchestrator.github;

/** A GitHub failure a caller chose not to handle as a value. Never carries a secret. */
public final class GitHubException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GitHubException(String message) {
    super(message);
  }
}
