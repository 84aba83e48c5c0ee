package dev.orchestrator.github;

import dev.orchestrator.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Waits by moving the test clock to the instant asked for, and remembers each one. */
final class RecordingWaiter implements Waiter {
  private final MutableClock clock;
  private final List<Instant> waits = new CopyOnWriteArrayList<>();

  RecordingWaiter(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public void awaitUntil(Instant notBefore) {
    waits.add(notBefore);
    if (notBefore.isAfter(clock.instant())) {
      clock.set(notBefore);
    }
  }

  List<Instant> waits() {
    return List.copyOf(waits);
  }
}
