package dev.orchestrator.cli;

import dev.orchestrator.App;
import dev.orchestrator.config.Durations;
import dev.orchestrator.github.Waiter;
import dev.orchestrator.webhook.DeliveryReport;
import dev.orchestrator.webhook.DeliveryReports;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code receive --wait}: reads the server's database until the delivery is dispatched, then prints
 * its outcome and the runs it started.
 */
final class DispatchWait {
  /** How often the database is read while waiting. */
  static final Duration POLL = Duration.ofMillis(100);

  private final App app;
  private final PrintWriter out;

  DispatchWait(App app, PrintWriter out) {
    this.app = app;
    this.out = out;
  }

  int await(String deliveryId, Duration timeout) {
    String url = app.settings().store().databaseUrl();
    Path file = Path.of(url.substring("jdbc:sqlite:".length()));
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          "--wait reads the server's database, but there is none at \""
              + file
              + "\": set DATABASE_URL as the server has it");
    }
    DeliveryReports reports = app.deliveryReports();
    Clock clock = app.clock();
    Waiter waiter = Waiter.parking(clock);
    Instant deadline = clock.instant().plus(timeout);
    Optional<DeliveryReport> report = reports.find(deliveryId);
    while (report.isEmpty() || !report.get().dispatched()) {
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        throw new IllegalStateException(notDispatched(deliveryId, timeout, report, file));
      }
      try {
        waiter.awaitUntil(now.plus(POLL).isBefore(deadline) ? now.plus(POLL) : deadline);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("waiting for delivery " + deliveryId + ": interrupted", e);
      }
      report = reports.find(deliveryId);
    }
    print(report.get());
    return ExitCodes.OK;
  }

  private void print(DeliveryReport r) {
    out.println(r.outcome().orElse("dispatched") + ": " + r.reason().orElse("(no reason given)"));
    for (DeliveryReport.StartedRun run : r.runs()) {
      out.println("started run " + run.id() + " (" + run.mission() + ", " + run.status() + ")");
    }
    out.flush();
  }

  private static String notDispatched(
      String id, Duration timeout, Optional<DeliveryReport> report, Path file) {
    String waited = "after " + Durations.format(timeout);
    if (report.isEmpty()) {
      return "delivery "
          + id
          + " is not in \""
          + file
          + "\" "
          + waited
          + ": is DATABASE_URL the server's database?";
    }
    DeliveryReport r = report.get();
    if (r.failedAttempts() > 0 && r.nextAttemptAt().isPresent()) {
      return "delivery "
          + id
          + " was stored but not dispatched "
          + waited
          + ": "
          + r.failedAttempts()
          + (r.failedAttempts() == 1 ? " attempt" : " attempts")
          + " failed (the last: "
          + r.reason().orElse("no reason given")
          + "); the dispatcher tries again at "
          + r.nextAttemptAt().get();
    }
    return "delivery "
        + id
        + " was stored but not dispatched "
        + waited
        + "; is the server's dispatcher running? (GET /readyz says)";
  }
}
