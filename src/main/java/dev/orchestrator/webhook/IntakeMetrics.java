package dev.orchestrator.webhook;

/**
 * What the intake counts, for {@code /metrics}. The domain calls it; the server implements it with
 * the metrics library, so nothing here depends on one.
 */
public interface IntakeMetrics {
  /** The event label of a request whose signature was not verified: its headers are not trusted. */
  String UNVERIFIED = "unverified";

  /** The event label of a verified request without an {@code X-GitHub-Event} header. */
  String UNKNOWN = "unknown";

  /** Counts nothing. */
  IntakeMetrics NONE =
      new IntakeMetrics() {
        @Override
        public void delivery(String event, String outcome) {}

        @Override
        public void recovered() {}
      };

  /**
   * One answered delivery request.
   *
   * @param event the {@code X-GitHub-Event} header, or {@link #UNVERIFIED} or {@link #UNKNOWN}
   * @param outcome {@link IntakeResult#outcome()}: {@code accepted}, {@code duplicate} or {@code
   *     rejected_<status>}
   */
  void delivery(String event, String outcome);

  /** One missed delivery that the catch-up had GitHub redeliver. */
  void recovered();
}
