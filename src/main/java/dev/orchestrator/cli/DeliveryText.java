package dev.orchestrator.cli;

import dev.orchestrator.webhook.DeliveryReport;

/**
 * {@code explain --delivery}: a delivery as lines of {@code name value}: when it arrived, its
 * outcome and the runs it started, or, while it waits after attempts GitHub could not serve, why
 * and when it is tried again.
 */
final class DeliveryText {
  private DeliveryText() {}

  static String of(DeliveryReport r) {
    StringBuilder out = new StringBuilder();
    out.append("delivery ").append(r.deliveryId()).append(" (").append(r.kind()).append(")\n");
    line(out, "received", r.receivedAt().toString());
    String attempts = Plural.of(r.failedAttempts(), "failed attempt");
    if (r.dispatched()) {
      line(
          out,
          "dispatched",
          r.dispatchedAt().get() + (r.failedAttempts() > 0 ? " after " + attempts : ""));
      line(
          out,
          "outcome",
          r.outcome().orElse("(none)") + ": " + r.reason().orElse("(no reason given)"));
      if (r.runs().isEmpty()) {
        line(out, "runs", "none");
      }
      for (DeliveryReport.StartedRun run : r.runs()) {
        line(out, "run", run.id() + " (" + run.mission() + ", " + run.status() + ")");
      }
    } else if (r.nextAttemptAt().isPresent()) {
      line(out, "waiting", attempts + "; tried again at " + r.nextAttemptAt().get());
      line(out, "last error", r.reason().orElse("(no reason given)"));
    } else {
      line(out, "waiting", "not dispatched yet (the dispatcher takes deliveries in order)");
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append(String.format("  %-11s %s", name, value)).append('\n');
  }
}
