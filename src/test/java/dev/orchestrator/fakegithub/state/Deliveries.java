package dev.orchestrator.fakegithub.state;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The app's webhook deliveries, newest first as GitHub lists them, and the redelivery attempts
 * asked for through {@code POST /app/hook/deliveries/{id}/attempts}.
 */
public final class Deliveries {
  private final Ids ids;
  private final Clock clock;
  private final List<Delivery> all = new ArrayList<>();
  private final List<Long> attempts = new ArrayList<>();
  private volatile Consumer<Delivery> onRedeliver = d -> {};

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
   * Records a redelivery attempt of {@code id}: the attempt, and a new delivery with the same guid
   * and {@code redelivery: true} that succeeded (the fake has no receiver to fail). The {@link
   * #onRedeliver} hook sees it, so a test can forward the payload to the app under test.
   */
  public Optional<Delivery> redeliver(long id) {
    Delivery redelivered;
    synchronized (this) {
      Optional<Delivery> original = find(id);
      if (original.isEmpty()) {
        return Optional.empty();
      }
      attempts.add(id);
      Delivery o = original.get();
      redelivered =
          new Delivery(
              ids.next(),
              o.guid(),
              clock.instant(),
              true,
              0.1,
              "OK",
              200,
              o.event(),
              o.action(),
              o.installationId(),
              o.repositoryId());
      all.add(redelivered);
    }
    onRedeliver.accept(redelivered);
    return Optional.of(redelivered);
  }

  /** The delivery ids whose redelivery was asked for, in order. */
  public synchronized List<Long> redeliveryAttempts() {
    return List.copyOf(attempts);
  }

  /** Called with each redelivery after it is recorded. */
  public void onRedeliver(Consumer<Delivery> hook) {
    onRedeliver = hook;
  }

  private static String statusText(int statusCode) {
    if (statusCode == 0) {
      return "failed to connect to host";
    }
    return statusCode >= 200 && statusCode <= 399 ? "OK" : "Invalid HTTP Response: " + statusCode;
  }
}
