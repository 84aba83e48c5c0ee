package dev.orchestrator.github;

/**
 * Told about every attempt the transport makes, for {@code /metrics}. The server implements it with
 * the metrics library; {@link GitHubAccess#observeRequests} installs it.
 */
@FunctionalInterface
public interface RequestObserver {
  /** The status of an attempt that timed out, connecting or waiting for the answer. */
  String TIMEOUT = "timeout";

  /** The status of an attempt whose connection failed or broke. */
  String CONNECTION_FAILED = "connection_failed";

  /** Observes nothing. */
  RequestObserver NONE = (method, status) -> {};

  /**
   * One attempt.
   *
   * @param method the HTTP method
   * @param status GitHub's status code as text ({@code "200"}), or {@link #TIMEOUT} or {@link
   *     #CONNECTION_FAILED}
   */
  void attempted(String method, String status);
}
