package dev.orchestrator.fakegithub.state;

import java.time.Instant;

/**
 * One webhook delivery of the app, as {@code GET /app/hook/deliveries} lists it.
 *
 * @param id delivery id
 * @param guid the {@code X-GitHub-Delivery} value (shared by a delivery and its redeliveries)
 * @param deliveredAt when
 * @param redelivery true for a redelivery
 * @param duration seconds the receiver took
 * @param status {@code OK} or a failure description such as {@code Invalid HTTP Response: 503}
 * @param statusCode the receiver's HTTP status (0 when it could not be reached)
 * @param event e.g. {@code issue_comment}
 * @param action e.g. {@code created}, may be null
 * @param installationId may be null
 * @param repositoryId may be null
 */
public record Delivery(
    long id,
    String guid,
    Instant deliveredAt,
    boolean redelivery,
    double duration,
    String status,
    int statusCode,
    String event,
    String action,
    Long installationId,
    Long repositoryId) {

  /** GitHub's classification for the {@code status} filter: 200–399 succeeded. */
  public boolean succeeded() {
    return statusCode >= 200 && statusCode <= 399;
  }
}
