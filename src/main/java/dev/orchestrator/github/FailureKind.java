package dev.orchestrator.github;

/**
 * Why a request came to nothing, so that callers (the tool port, the mission breaker) can tell a
 * refusal from an outage without reading messages.
 */
public enum FailureKind {
  /** GitHub answered with a 4xx other than 404: the request itself, or a permission. */
  REFUSED(false),
  /** GitHub answered 5xx (after the retries a GET gets). */
  SERVER_ERROR(true),
  /** No connection or no answer within the transport's timeouts. */
  TIMEOUT(true),
  /** The connection failed or was lost, or the call was interrupted. */
  UNREACHABLE(true),
  /** The installation's breaker is open after repeated failures: not sent at all. */
  BREAKER_OPEN(true),
  /** No token could be had for the lane (the mint failed). */
  NO_TOKEN(true),
  /** The operation needs credentials or a mode that is not configured. */
  NOT_CONFIGURED(false),
  /**
   * GitHub answered, but not with what the operation reads (a directory where a file was asked).
   */
  UNEXPECTED(false);

  private final boolean infrastructure;

  FailureKind(boolean infrastructure) {
    this.infrastructure = infrastructure;
  }

  /** True when the failure is GitHub's or the network's, not the request's. */
  public boolean infrastructure() {
    return infrastructure;
  }

  /** The kind implied by an HTTP status (0: no answer) when nothing more is known. */
  static FailureKind of(int status, boolean infrastructure) {
    if (status >= 500) {
      return SERVER_ERROR;
    }
    if (status == 0) {
      return infrastructure ? UNREACHABLE : NOT_CONFIGURED;
    }
    return infrastructure ? SERVER_ERROR : REFUSED;
  }
}
