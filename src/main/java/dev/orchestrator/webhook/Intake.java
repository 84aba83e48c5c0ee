package dev.orchestrator.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  // Jackson caps strings at 20 M characters by default; a 25 MB payload may hold a longer one.
  private static final ObjectMapper JSON =
      new ObjectMapper(
          com.fasterxml.jackson.core.JsonFactory.builder()
              .streamReadConstraints(
                  com.fasterxml.jackson.core.StreamReadConstraints.builder()
                      .maxStringLength(MAX_BODY_BYTES)
                      .build())
              .build());

  private final List<Secret> secrets;
  private final DeliveryStore store;
  private final Clock clock;
  private final Consumer<Delivery> onStored;

  /**
   * @param secrets the webhook secret and, during rotation, the previous one; empty in setup mode,
   *     where every delivery is refused
   * @param onStored told after each new delivery is committed (wakes the dispatcher)
   */
  public Intake(
      List<Secret> secrets, DeliveryStore store, Clock clock, Consumer<Delivery> onStored) {
    this.secrets = List.copyOf(secrets);
    this.store = store;
    this.clock = clock;
    this.onStored = onStored;
  }

  /** Verifies, parses, stores and answers one webhook request. */
  public IntakeResult receive(WebhookRequest request) {
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
    JsonNode payload;
    try {
      payload = JSON.readTree(request.body());
    } catch (JsonProcessingException e) {
      return new IntakeResult.Rejected(
          400, "the body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      return new IntakeResult.Rejected(400, "the body could not be read as JSON");
    }
    if (payload == null || !payload.isObject()) {
      return new IntakeResult.Rejected(400, "the body is not a JSON object");
    }
    Delivery d =
        new Delivery(
            id.strip(),
            event.strip(),
            text(payload.path("action")),
            payload.path("installation").path("id").canConvertToLong()
                ? Optional.of(payload.path("installation").path("id").asLong())
                : Optional.empty(),
            text(payload.path("repository").path("full_name")),
            Optional.ofNullable(request.header("X-GitHub-Hook-ID")),
            new String(request.body(), StandardCharsets.UTF_8),
            clock.instant());
    if (!store.store(d)) {
      return new IntakeResult.Duplicate(d.id());
    }
    onStored.accept(d);
    return new IntakeResult.Accepted(d.id(), d.kind());
  }

  private static Optional<String> text(JsonNode n) {
    return n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
  }
}
