package dev.orchestrator.webhook;

import dev.orchestrator.config.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The request thread's whole job: verify the signature over the raw bytes, parse just enough to
 * route, store the delivery durably, and answer. Processing happens later, in the dispatcher.
 */
public final class Intake {
  /** GitHub caps payloads at 25 MB. */
  public static final int MAX_BODY_BYTES = 25 * 1024 * 1024;

  private final List<Secret> secrets;
  private final DeliveryStore store;
  private final Clock clock;
  private final Consumer<Delivery> onStored;
  private final IntakeMetrics metrics;

  /** An intake that counts nothing. */
  public Intake(
      List<Secret> secrets, DeliveryStore store, Clock clock, Consumer<Delivery> onStored) {
    this(secrets, store, clock, onStored, IntakeMetrics.NONE);
  }

  /**
   * @param secrets the webhook secret and, during rotation, the previous one; empty in setup mode,
   *     where every delivery is refused
   * @param onStored told after each new delivery is committed (wakes the dispatcher)
   * @param metrics told the outcome of every request
   */
  public Intake(
      List<Secret> secrets,
      DeliveryStore store,
      Clock clock,
      Consumer<Delivery> onStored,
      IntakeMetrics metrics) {
    this.secrets = List.copyOf(secrets);
    this.store = store;
    this.clock = clock;
    this.onStored = onStored;
    this.metrics = metrics;
  }

  /** Verifies, parses, stores and answers one webhook request. */
  public IntakeResult receive(WebhookRequest request) {
    // Announced before the signature check, so a commit starting meanwhile can wait for it.
    DeliveryStore.Arrival arrival = store.arriving();
    IntakeResult result;
    try {
      result = decide(request);
    } finally {
      arrival.close();
    }
    metrics.delivery(eventLabel(request, result), result.outcome());
    return result;
  }

  /**
   * The answer to a body over GitHub's 25 MB limit, which the server refuses before reading it (so
   * its signature was never checked).
   */
  public IntakeResult refuseTooLarge() {
    IntakeResult result =
        new IntakeResult.Rejected(
            413, "payload is larger than GitHub's 25 MB limit; nothing was stored");
    metrics.delivery(IntakeMetrics.UNVERIFIED, result.outcome());
    return result;
  }

  /**
   * The answer to a body that found no room in memory in time (other large deliveries were being
   * received): nothing was read or stored, and GitHub may deliver it again.
   */
  public IntakeResult refuseBusy() {
    IntakeResult result =
        new IntakeResult.Rejected(
            503,
            "the server is receiving other large deliveries and had no room for this one;"
                + " nothing was stored, redeliver it");
    metrics.delivery(IntakeMetrics.UNVERIFIED, result.outcome());
    return result;
  }

  private IntakeResult decide(WebhookRequest request) {
    if (secrets.isEmpty()) {
      return new IntakeResult.Rejected(
          401,
          "the app is in setup mode: no webhook secret is configured, so no delivery can be verified");
    }
    SignatureVerifier.Verdict verdict =
        SignatureVerifier.verify(request.body(), request.header("X-Hub-Signature-256"), secrets);
    if (verdict != SignatureVerifier.Verdict.VALID) {
      return new IntakeResult.Rejected(401, verdict.message());
    }
    if ("application/x-www-form-urlencoded".equals(request.mediaType())) {
      return new IntakeResult.Rejected(
          400,
          "form-encoded payloads are not supported: set the webhook's content type to"
              + " application/json");
    }
    String id = request.header("X-GitHub-Delivery");
    String event = request.header("X-GitHub-Event");
    if (id == null || id.isBlank() || event == null || event.isBlank()) {
      return new IntakeResult.Rejected(400, "missing X-GitHub-Delivery or X-GitHub-Event header");
    }
    if (id.length() > 100 || event.length() > 100) {
      return new IntakeResult.Rejected(400, "X-GitHub-Delivery or X-GitHub-Event is too long");
    }
    PayloadFields.Scan scan = PayloadFields.scan(request.body());
    if (scan instanceof PayloadFields.Scan.Invalid invalid) {
      return new IntakeResult.Rejected(400, invalid.message());
    }
    PayloadFields.Scan.Fields fields = (PayloadFields.Scan.Fields) scan;
    Delivery d =
        new Delivery(
            id.strip(),
            event.strip(),
            fields.action(),
            fields.installationId(),
            fields.repository(),
            Optional.ofNullable(request.header("X-GitHub-Hook-ID")),
            new String(request.body(), StandardCharsets.UTF_8),
            clock.instant());
    if (!store.store(d)) {
      return new IntakeResult.Duplicate(d.id());
    }
    onStored.accept(d);
    return new IntakeResult.Accepted(d.id(), d.kind());
  }

  /** The event header is the sender's word only once the signature holds; before, anyone's. */
  private static String eventLabel(WebhookRequest request, IntakeResult result) {
    if (result.httpStatus() == 401) {
      return IntakeMetrics.UNVERIFIED;
    }
    String event = request.header("X-GitHub-Event");
    return event == null || event.isBlank() || event.length() > 100
        ? IntakeMetrics.UNKNOWN
        : event.strip();
  }
}
