package dev.orchestrator.github;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lane's governor state: the App, one installation, or the token. Its lock makes requests of
 * the lane go one at a time (GitHub asks integrations not to send concurrent requests); everything
 * but the breaker is read and written only while holding it. Lanes share nothing, so one
 * installation's waits and failures never touch another's.
 */
final class Lane {
  private final String name;
  private final ReentrantLock lock = new ReentrantLock(true);
  private final CircuitBreaker breaker;
  private final Map<String, Instant> exhaustedUntil = new HashMap<>();
  private final ArrayDeque<Instant> mutations = new ArrayDeque<>();
  private Instant secondaryUntil = Instant.EPOCH;
  private int secondaryStrikes;
  private volatile Instant breakerOpenedAt = Instant.EPOCH;

  Lane(String name, CircuitBreaker breaker, Clock clock) {
    this.name = name;
    this.breaker = breaker;
    breaker
        .getEventPublisher()
        .onStateTransition(
            e -> {
              if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                breakerOpenedAt = clock.instant();
              }
            });
  }

  String name() {
    return name;
  }

  void lock() throws InterruptedException {
    lock.lockInterruptibly();
  }

  void unlock() {
    lock.unlock();
  }

  CircuitBreaker breaker() {
    return breaker;
  }

  /** When the open breaker lets a request through again. */
  Instant breakerOpenUntil(Duration openFor) {
    return breakerOpenedAt.plus(openFor);
  }

  Instant secondaryUntil() {
    return secondaryUntil;
  }

  Optional<Instant> exhaustedUntil(String resource) {
    return Optional.ofNullable(exhaustedUntil.get(resource));
  }

  void exhausted(String resource, Instant until) {
    exhaustedUntil.merge(resource, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** A secondary limit: the whole lane waits until {@code until}; returns the strikes in a row. */
  int secondary(Instant until) {
    if (until.isAfter(secondaryUntil)) {
      secondaryUntil = until;
    }
    return ++secondaryStrikes;
  }

  /** How many secondary limits in a row the lane has met so far. */
  int secondaryStrikes() {
    return secondaryStrikes;
  }

  /** An answer that was not throttled: the backoff starts over. */
  void settled() {
    secondaryStrikes = 0;
  }

  void mutationSent(Instant at) {
    mutations.addLast(at);
  }

  /**
   * The earliest instant a further mutative request may be sent: {@code spacing} after the last
   * one, and no more than {@code perMinute} in any minute or {@code perHour} in any hour.
   */
  Instant nextMutation(Instant now, Duration spacing, int perMinute, int perHour) {
    Instant hourAgo = now.minus(Duration.ofHours(1));
    for (Iterator<Instant> it = mutations.iterator(); it.hasNext(); ) {
      if (!it.next().isAfter(hourAgo)) {
        it.remove(); // sorted: sends happen one at a time under the lock
      } else {
        break;
      }
    }
    if (mutations.isEmpty()) {
      return now;
    }
    Instant next = mutations.getLast().plus(spacing);
    next = latest(next, windowOpens(now, Duration.ofMinutes(1), perMinute));
    return latest(next, windowOpens(now, Duration.ofHours(1), perHour));
  }

  /** When fewer than {@code max} sends lie in the window of {@code width} ending then. */
  private Instant windowOpens(Instant now, Duration width, int max) {
    Instant from = now.minus(width);
    Instant[] inWindow = mutations.stream().filter(t -> t.isAfter(from)).toArray(Instant[]::new);
    if (inWindow.length < max) {
      return now;
    }
    return inWindow[inWindow.length - max].plus(width);
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public String toString() {
    return "Lane[" + name + "]";
  }
}
