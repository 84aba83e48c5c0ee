package dev.orchestrator.server;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the webhook bodies held in memory at once, so that a burst of GitHub's largest payloads
 * (25 MB each) waits its turn instead of exhausting the heap: each body is in memory about three
 * times over while it is checked and stored (the bytes, the text, SQLite's copy), and an {@code
 * OutOfMemoryError} there fails every request of the batch. A request waits for room at most a few
 * seconds (GitHub gives up after 10), then is answered 503 with nothing stored.
 */
final class BodyBudget {
  /**
   * Bodies up to this size (almost every delivery GitHub sends) do not take from the budget: the
   * server's threads bound what they hold together, and they are never held up behind large bodies,
   * nor by a client that announces a large body and sends it slowly.
   */
  static final int SMALL = 1024 * 1024;

  /** The budget's unit; permits are counted in KiB so that the total fits an int. */
  private static final int UNIT = 1024;

  private final Semaphore kib;
  private final int capacityKib;

  /** A budget of {@code bytes}, at least one body of {@code maxBody} bytes. */
  BodyBudget(long bytes, int maxBody) {
    this.capacityKib = (int) Math.max(units(maxBody), Math.min(Integer.MAX_VALUE, bytes / UNIT));
    this.kib = new Semaphore(capacityKib, true); // fair: a large body is not overtaken forever
  }

  /**
   * The budget for this JVM: a fifth of the maximum heap, which leaves the rest for the server
   * while the bodies in flight are copied, and never less than one 25 MB body.
   */
  static BodyBudget forHeap(long maxHeap, int maxBody) {
    return new BodyBudget(maxHeap / 5, maxBody);
  }

  /** Room held for one body; closing it gives the room back. */
  interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Room for a body of {@code declaredLength} bytes ({@code -1}: unknown, counted as {@code
   * maxBody}), waiting at most {@code waitMillis}; empty when there was none in time.
   */
  Optional<Permit> acquire(long declaredLength, int maxBody, long waitMillis)
      throws InterruptedException {
    if (declaredLength >= 0 && declaredLength <= SMALL) {
      return Optional.of(() -> {}); // see SMALL
    }
    long length = declaredLength < 0 ? maxBody : Math.min(declaredLength, maxBody);
    int need = Math.min(capacityKib, units(length));
    if (!kib.tryAcquire(need, waitMillis, TimeUnit.MILLISECONDS)) {
      return Optional.empty();
    }
    return Optional.of(() -> kib.release(need));
  }

  /** The budget in bytes. */
  long capacityBytes() {
    return (long) capacityKib * UNIT;
  }

  private static int units(long bytes) {
    return (int) Math.max(1, (bytes + UNIT - 1) / UNIT);
  }
}
