package dev.orchestrator.runtime;

/**
 * What the runtime counts, for {@code /metrics}. The domain calls it; the server implements it with
 * the metrics library.
 */
@FunctionalInterface
public interface RunMetrics {
  /** Counts nothing. */
  RunMetrics NONE = (mission, status, seconds) -> {};

  /**
   * A run reached a terminal status.
   *
   * @param seconds time spent running, without the wait for an approval
   */
  void finished(String mission, RunStatus status, double seconds);
}
