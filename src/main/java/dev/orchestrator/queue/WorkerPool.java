package dev.orchestrator.queue;

import dev.orchestrator.runtime.RunRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workers that claim runs from the durable queue and execute them. Each claim carries a lease that
 * a keeper renews every third of its length; a run whose worker died is reclaimed after its lease
 * by any worker (up to {@code maxAttempts}). On close, workers stop claiming, running runs get the
 * grace period to finish, and the rest are released back to the queue.
 */
public final class WorkerPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
  private static final long IDLE_RECHECK_MS = 2_000;

  /** A run still running after this long gets the 🚀 reaction. */
  public static final Duration STILL_RUNNING_AFTER = Duration.ofSeconds(10);

  /** What a worker does with a claimed run. */
  public interface Job {
    void execute(RunRecord run);

    /** Called by the lease keeper for runs running longer than {@link #STILL_RUNNING_AFTER}. */
    default void stillRunning(RunRecord run) {}
  }

  private record InFlight(RunRecord run, String worker, Instant since, boolean[] told) {}

  private final MissionQueue queue;
  private final Job job;
  private final int workers;
  private final Duration lease;
  private final int maxAttempts;
  private final Clock clock;
  private final Semaphore wake = new Semaphore(0);
  private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong idleClaims =
      new java.util.concurrent.atomic.AtomicLong();
  private final List<Thread> threads = new ArrayList<>();
  private Thread keeper;
  private volatile boolean claiming = true;
  private volatile boolean stopped;

  public WorkerPool(
      MissionQueue queue, Job job, int workers, Duration lease, int maxAttempts, Clock clock) {
    this.queue = queue;
    this.job = job;
    this.workers = workers;
    this.lease = lease;
    this.maxAttempts = maxAttempts;
    this.clock = clock;
  }

  /**
   * Starts the workers. The pool must be the only one on its queue (the server holds the database's
   * lock): runs still RUNNING now belong to a process that died, and are reclaimed at once.
   */
  public void start() {
    int orphaned = queue.endOrphanedLeases(clock.instant());
    if (orphaned > 0) {
      LOG.warn(
          "{} run(s) were RUNNING in a process that stopped without releasing them; reclaiming"
              + " them now",
          orphaned);
    }
    for (int i = 0; i < workers; i++) {
      String name = "worker-" + (i + 1) + "@" + ProcessHandle.current().pid();
      Thread t = new Thread(() -> loop(name), "worker-" + (i + 1));
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    keeper = new Thread(this::keep, "lease-keeper");
    keeper.setDaemon(true);
    keeper.start();
  }

  /** There may be work: wake an idle worker now. */
  public void wake() {
    wake.release(workers);
  }

  /** True while every worker thread is alive. */
  public boolean isRunning() {
    return !stopped && !threads.isEmpty() && threads.stream().allMatch(Thread::isAlive);
  }

  /**
   * How many times a worker looked for a run and found none it may take (nothing queued, or every
   * queued run held by its breaker, its issue or its not-before time).
   */
  public long idleClaims() {
    return idleClaims.get();
  }

  /** How many runs are executing now. */
  public int busy() {
    return inFlight.size();
  }

  private void loop(String worker) {
    while (claiming) {
      try {
        Instant now = clock.instant();
        var claimed = queue.claim(worker, lease, now);
        if (claimed.isEmpty()) {
          idleClaims.incrementAndGet();
          wake.tryAcquire(idleWaitMillis(now), TimeUnit.MILLISECONDS);
          continue;
        }
        RunRecord run = claimed.get();
        inFlight.put(run.id(), new InFlight(run, worker, clock.instant(), new boolean[1]));
        try {
          job.execute(run);
        } catch (RuntimeException e) {
          LOG.error(
              "run={} worker={} failed unexpectedly: {}", run.id(), worker, e.getMessage(), e);
        } finally {
          inFlight.remove(run.id());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The store failing must not kill the worker; try again after a pause.
        LOG.error("worker={} claiming a run: {}", worker, e.getMessage());
        try {
          wake.tryAcquire(IDLE_RECHECK_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * How long an idle worker waits for a wake-up: until the earliest "not before" instant of a
   * deferred run when that comes first, so a waiting run starts on time without anyone polling.
   */
  long idleWaitMillis(Instant now) {
    return queue
        .nextWaitingUntil(now)
        .map(t -> Duration.between(now, t).toMillis() + 1)
        .map(ms -> Math.max(1, Math.min(ms, IDLE_RECHECK_MS)))
        .orElse(IDLE_RECHECK_MS);
  }

  private void keep() {
    long period = Math.max(100, lease.toMillis() / 3);
    while (!stopped) {
      try {
        Instant now = clock.instant();
        for (InFlight f : inFlight.values()) {
          if (!queue.renew(f.run().id(), f.worker(), lease, now)) {
            LOG.warn("run={} worker={} lost its lease", f.run().id(), f.worker());
          }
          if (!f.told()[0] && f.since().plus(STILL_RUNNING_AFTER).isBefore(now)) {
            f.told()[0] = true;
            job.stillRunning(f.run());
          }
        }
        MissionQueue.Reclaimed r = queue.reclaimExpired(maxAttempts, now);
        if (!r.requeued().isEmpty() || !r.failed().isEmpty()) {
          r.requeued()
              .forEach(id -> LOG.warn("run={} lease expired: queued again (an attempt spent)", id));
          r.failed()
              .forEach(
                  id ->
                      LOG.warn(
                          "run={} lease expired after {} attempts: failed, not retried",
                          id,
                          maxAttempts));
          if (!r.requeued().isEmpty()) {
            wake();
          }
        }
      } catch (RuntimeException e) {
        LOG.error("keeping leases: {}", e.getMessage());
      }
      synchronized (this) {
        try {
          wait(period); // woken early by close()
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Stops claiming, waits up to {@code grace} for running runs, then releases the rest. */
  public void close(Duration grace) {
    claiming = false;
    wake.release(workers * 2);
    long deadline = System.nanoTime() + grace.toNanos();
    for (Thread t : threads) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      try {
        t.join(Math.max(1, left));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (InFlight f : inFlight.values()) {
      LOG.warn(
          "run={} still running after the grace period; released back to the queue", f.run().id());
      queue.release(f.run().id(), f.worker(), clock.instant());
    }
    stopped = true;
    synchronized (this) {
      notifyAll();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }
}
