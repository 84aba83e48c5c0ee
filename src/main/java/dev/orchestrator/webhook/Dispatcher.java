package dev.orchestrator.webhook;

import dev.orchestrator.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands stored deliveries to the {@link DeliveryHandler} in order of arrival, on one thread. It
 * wakes when the intake stores a delivery, and re-reads the store every few seconds so nothing is
 * stranded (e.g. deliveries stored before a crash).
 *
 * <p>Outcomes are recorded in batches, one transaction (one fsync) for all the deliveries handled
 * since the last one, but never later than {@link #MAX_RECORD_DELAY} after the first of them: under
 * a burst, a commit per delivery would take half the database's commits away from the intake, which
 * answers GitHub only after its own commit. A crash before a batch is recorded hands those
 * deliveries over again, which handlers must bear anyway.
 *
 * <p>Two ways a delivery stays pending. When the database cannot be written ({@link
 * DeliveryHandler.Outcome#later}), nothing can be dispatched, so the pass stops and everything
 * waits in order. When GitHub could not answer what one delivery needs ({@link
 * DeliveryHandler.Outcome#retry}), only that delivery waits: it is postponed by the {@link
 * RetrySchedule} and skipped until then, while the dispatcher goes on with the others; after the
 * schedule's bound it is recorded as failed with the reason.
 */
public final class Dispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final int BATCH = 50;
  private static final long IDLE_RECHECK_MS = 2_000;
  static final Duration MAX_RECORD_DELAY = Duration.ofMillis(200);

  private final DeliveryStore store;
  private final DeliveryHandler handler;
  private final Clock clock;
  private final RetrySchedule retries;
  private final Semaphore wake = new Semaphore(0);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean alive;
  private volatile long recoveredUpTo;
  private final Set<Long> handedBefore = ConcurrentHashMap.newKeySet();

  public Dispatcher(DeliveryStore store, DeliveryHandler handler, Clock clock) {
    this(store, handler, clock, RetrySchedule.defaults());
  }

  /** The same, retrying deliveries that GitHub could not serve yet on {@code retries}. */
  public Dispatcher(
      DeliveryStore store, DeliveryHandler handler, Clock clock, RetrySchedule retries) {
    this.store = store;
    this.handler = handler;
    this.clock = clock;
    this.retries = retries;
    this.thread = new Thread(this::loop, "dispatcher");
    this.thread.setDaemon(true);
  }

  public void start() {
    start(store.lastSeq());
  }

  /**
   * Starts dispatching; the deliveries up to {@code storedBefore} (a {@link DeliveryStore#lastSeq}
   * read before this process could store any) were stored by an earlier process.
   */
  public void start(long storedBefore) {
    // Deliveries stored before this process started may have been half dispatched by one that
    // crashed; only those are treated as retries (their effects are looked up before repeating).
    // Knowing this costs one read at start-up instead of a write per delivery.
    recoveredUpTo = storedBefore;
    alive = true;
    thread.start();
  }

  /** Asks the dispatcher to look at the store now. */
  public void wake() {
    wake.release();
  }

  /** True while the dispatcher thread is running. */
  public boolean isRunning() {
    return alive && thread.isAlive();
  }

  /**
   * Dispatches everything due now, on the calling thread; returns how many were dispatched (given
   * up ones included, postponed ones not). For tests and CLI. Stops at the first delivery the
   * handler cannot take yet because the database cannot be written ({@link
   * DeliveryHandler.Outcome#later}): it and those behind it stay pending, in order. A delivery
   * postponed by {@link DeliveryHandler.Outcome#retry} is skipped until its next attempt.
   */
  public int drain() {
    int n = 0;
    List<DeliveryStore.StoredDelivery> batch;
    while (!(batch = store.due(clock.instant(), BATCH)).isEmpty()) {
      List<DeliveryStore.Dispatched> done = new ArrayList<>();
      // repositories with a delivery postponed in this pass: their later ones wait behind it (the
      // store's next read leaves them out while it waits)
      java.util.Set<String> held = new java.util.HashSet<>();
      for (DeliveryStore.StoredDelivery sd : batch) {
        Optional<String> repository = sd.delivery().repository();
        if (repository.isPresent() && held.contains(repository.get())) {
          continue;
        }
        DeliveryStore.Dispatched dispatched;
        try {
          dispatched = dispatch(sd);
        } catch (RuntimeException e) {
          record(done); // what was handled before it is not handed over again as new
          throw e;
        }
        if (dispatched.outcome().isLater()) {
          // what it needs is failing: it stays pending, in order, for the next pass
          record(done);
          return n;
        }
        if (dispatched.outcome().isRetry()) {
          Optional<DeliveryStore.Dispatched> gaveUp;
          try {
            gaveUp = postpone(sd, dispatched.outcome().reason());
          } catch (RuntimeException e) {
            // the database refused the postponement: keep what was handled, try again later
            record(done);
            handedBefore.add(sd.seq());
            throw e;
          }
          if (gaveUp.isEmpty()) {
            repository.ifPresent(held::add);
            continue; // postponed: the other repositories go on
          }
          dispatched = gaveUp.get();
        }
        done.add(dispatched);
        n++;
        if (!clock.instant().isBefore(done.get(0).at().plus(MAX_RECORD_DELAY))) {
          record(done);
        }
      }
      record(done);
    }
    return n;
  }

  /**
   * Postpones a delivery GitHub could not serve by the retry schedule (committed at once, so the
   * next read of due deliveries skips it); past the schedule's bound, returns its outcome instead:
   * failed, with the reason.
   */
  private Optional<DeliveryStore.Dispatched> postpone(
      DeliveryStore.StoredDelivery sd, String reason) {
    Delivery d = sd.delivery();
    Instant now = clock.instant();
    int failed = sd.failedAttempts() + 1;
    Instant since = sd.firstFailedAt().orElse(now);
    Optional<Instant> next = retries.next(failed, since, now);
    if (next.isEmpty()) {
      String why =
          reason
              + " (gave up after "
              + failed
              + " attempts in "
              // whole minutes: the bound is an hour, seconds past it say nothing
              + Durations.format(Duration.ofMinutes(Duration.between(since, now).toMinutes()))
              + ")";
      LOG.error("delivery={} event={} failed: {}", d.id(), d.kind(), why);
      // counted like the others, so its history says how many attempts failed; due at once, it is
      // recorded as failed in this pass (a crash in between costs one more attempt)
      store.postpone(new DeliveryStore.Postponed(sd.seq(), failed, since, now, reason));
      return Optional.of(
          new DeliveryStore.Dispatched(sd.seq(), new DeliveryHandler.Outcome("failed", why), now));
    }
    store.postpone(new DeliveryStore.Postponed(sd.seq(), failed, since, next.get(), reason));
    handedBefore.remove(sd.seq()); // its failed_attempts say it is a retry from now on
    LOG.warn(
        "delivery={} event={} not dispatched yet (attempt {}), tried again at {}: {}",
        d.id(),
        d.kind(),
        failed,
        next.get(),
        reason);
    return Optional.empty();
  }

  private void record(List<DeliveryStore.Dispatched> done) {
    if (done.isEmpty()) {
      return;
    }
    store.markDispatched(done);
    done.clear();
  }

  private void loop() {
    try {
      while (running) {
        try {
          drain();
        } catch (RuntimeException e) {
          LOG.error("dispatching deliveries: {}", e.getMessage(), e);
        }
        wake.tryAcquire(IDLE_RECHECK_MS, TimeUnit.MILLISECONDS);
        wake.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      alive = false;
    }
  }

  private DeliveryStore.Dispatched dispatch(DeliveryStore.StoredDelivery sd) {
    Delivery d = sd.delivery();
    DeliveryHandler.Outcome outcome;
    try {
      boolean retry =
          sd.seq() <= recoveredUpTo || handedBefore.contains(sd.seq()) || sd.failedAttempts() > 0;
      outcome = handler.handle(d, retry);
    } catch (RuntimeException e) {
      if (store.unavailable(e)) {
        // The database, not the handler: recording "failed" would lose an acknowledged delivery.
        outcome =
            DeliveryHandler.Outcome.later("the database cannot be written: " + e.getMessage());
      } else {
        // A bug in a handler must not wedge the queue of deliveries behind it.
        LOG.error("delivery={} event={}: handler failed: {}", d.id(), d.kind(), e.getMessage(), e);
        outcome = new DeliveryHandler.Outcome("failed", "handler failed: " + e.getMessage());
      }
    }
    if (outcome.isRetry()) {
      return new DeliveryStore.Dispatched(sd.seq(), outcome, clock.instant());
    }
    if (outcome.isLater()) {
      handedBefore.add(sd.seq()); // it may have done part of its work: look up before repeating
      LOG.warn(
          "delivery={} event={} not dispatched yet, tried again in {} ms: {}",
          d.id(),
          d.kind(),
          IDLE_RECHECK_MS,
          outcome.reason());
      return new DeliveryStore.Dispatched(sd.seq(), outcome, clock.instant());
    }
    handedBefore.remove(sd.seq());
    // Most of what GitHub sends is ignored (every event an installation subscribes to arrives);
    // one line each would bury the deliveries that did something. The outcome is stored either
    // way, and `agent receive --wait` reads it.
    if ("ignored".equals(outcome.outcome())) {
      LOG.debug(
          "delivery={} event={} {}: {}", d.id(), d.kind(), outcome.outcome(), outcome.reason());
    } else {
      LOG.info(
          "delivery={} event={} {}: {}", d.id(), d.kind(), outcome.outcome(), outcome.reason());
    }
    return new DeliveryStore.Dispatched(sd.seq(), outcome, clock.instant());
  }

  @Override
  public void close() {
    running = false;
    wake.release();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
