package dev.orchestrator.fakegithub.state;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * The app's webhook deliveries, newest first as GitHub lists them, with the payload of each guid,
 * and the redelivery attempts asked for through {@code POST /app/hook/deliveries/{id}/attempts}.
 */
public final class Deliveries {
  private final Ids ids;
  private final Clock clock;
  private final List<Delivery> all = new ArrayList<>();
  private final Map<String, byte[]> payloads = new HashMap<>();
  private final List<Long> attempts = new ArrayList<>();
  private volatile Receiver receiver;

  /** The app's webhook URL, as far as redeliveries go. */
  public interface Receiver {
    /**
     * Sends {@code attempt}'s payload after the request that asked for it has been answered (GitHub
     * answers 202 and delivers later), then reports the receiver's HTTP status (0: no answer).
     */
    void send(Delivery attempt, byte[] payload, IntConsumer answered);
  }

  Deliveries(Ids ids, Clock clock) {
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Records a delivery now with a fresh id and guid.
   *
   * @param statusCode what the receiver answered (0: unreachable)
   */
  public Delivery record(
      String event, String action, int statusCode, Long installationId, Long repositoryId) {
    return record(
        UUID.randomUUID().toString(), event, action, statusCode, installationId, repositoryId);
  }

  /**
   * Records a delivery now with a given guid and the payload GitHub sent (and sends again on a
   * redelivery).
   */
  public synchronized Delivery record(
      String guid,
      String event,
      String action,
      int statusCode,
      Long installationId,
      Long repositoryId,
      byte[] payload) {
    payloads.put(guid, payload.clone());
    return record(guid, event, action, statusCode, installationId, repositoryId);
  }

  /** Records a delivery now with a given guid. */
  public synchronized Delivery record(
      String guid,
      String event,
      String action,
      int statusCode,
      Long installationId,
      Long repositoryId) {
    Delivery d =
        new Delivery(
            ids.next(),
            guid,
            clock.instant(),
            false,
            0.27,
            statusText(statusCode),
            statusCode,
            event,
            action,
            installationId,
            repositoryId);
    all.add(d);
    return d;
  }

  /** Adds a fully specified delivery (its id must be unused). */
  public synchronized Delivery add(Delivery delivery) {
    if (find(delivery.id()).isPresent()) {
      throw new IllegalArgumentException("delivery id " + delivery.id() + " is already used");
    }
    all.add(delivery);
    return delivery;
  }

  /** Every delivery, newest first (by time, then id). */
  public synchronized List<Delivery> newestFirst() {
    return all.stream()
        .sorted(Comparator.comparing(Delivery::deliveredAt).thenComparing(Delivery::id).reversed())
        .toList();
  }

  /** The delivery with that id. */
  public synchronized Optional<Delivery> find(long id) {
    return all.stream().filter(d -> d.id() == id).findFirst();
  }

  /**
   * Records a redelivery attempt of {@code id} and makes it: with no {@link #receiver(Receiver)}, a
   * new delivery with the same guid and {@code redelivery: true} that succeeded is listed at once
   * (there is nobody to fail); with one, the stored payload is sent to it, and the new delivery is
   * listed with what it answered when it has. Returns the attempt redelivered.
   */
  public Optional<Delivery> redeliver(long id) {
    Delivery original;
    Receiver to;
    byte[] payload;
    synchronized (this) {
      Optional<Delivery> found = find(id);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      attempts.add(id);
      original = found.get();
      to = receiver;
      payload = payloads.get(original.guid());
      if (to == null) {
        all.add(again(original, 200, 0.1));
        return found;
      }
    }
    if (payload == null) {
      throw new IllegalStateException(
          "delivery " + id + " has no payload to redeliver: record it with one");
    }
    to.send(original, payload, status -> answered(original, status));
    return Optional.of(original);
  }

  private synchronized void answered(Delivery original, int statusCode) {
    all.add(again(original, statusCode, 0.05));
  }

  private Delivery again(Delivery o, int statusCode, double duration) {
    return new Delivery(
        ids.next(),
        o.guid(),
        clock.instant(),
        true,
        duration,
        statusText(statusCode),
        statusCode,
        o.event(),
        o.action(),
        o.installationId(),
        o.repositoryId());
  }

  /** The payload recorded for {@code guid}. */
  public synchronized Optional<byte[]> payload(String guid) {
    return Optional.ofNullable(payloads.get(guid)).map(byte[]::clone);
  }

  /** The delivery ids whose redelivery was asked for, in order. */
  public synchronized List<Long> redeliveryAttempts() {
    return List.copyOf(attempts);
  }

  /** Where redeliveries are sent from now on ({@code null}: nowhere, they succeed at once). */
  public void receiver(Receiver value) {
    receiver = value;
  }

  private static String statusText(int statusCode) {
    if (statusCode == 0) {
      return "failed to connect to host";
    }
    return statusCode >= 200 && statusCode <= 399 ? "OK" : "Invalid HTTP Response: " + statusCode;
  }
}
