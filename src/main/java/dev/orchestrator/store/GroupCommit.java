package dev.orchestrator.store;

import dev.orchestrator.webhook.DeliveryStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shares one commit (one fsync) among the writes that arrive while the previous commit is being
 * made: under load, every write that queued during an fsync goes into the next transaction
 * together. Each caller still returns only after its own write is committed.
 *
 * <p>A lone write commits at once. When other writers have announced themselves ({@link
 * #arriving()}: a request whose delivery is being checked), the commit waits for them, at most
 * {@link #MAX_COMMIT_DELAY_NANOS}, as PostgreSQL's {@code commit_delay} does when {@code
 * commit_siblings} are active: GitHub's requests come in bursts, and a burst that is answered
 * together is then sent again together, so each fsync serves the whole burst instead of whoever
 * happened to be first.
 *
 * <p>Writes of any kind share the queue (the intake's inserts and the dispatcher's outcomes), so
 * neither takes commits away from the other. A batch is first made without savepoints; when one of
 * its writes fails, it is rolled back and made again with each write under its own savepoint, so
 * the failing one is rolled back alone and reported to its caller, and the rest commits.
 */
final class GroupCommit implements AutoCloseable {
  private static final int MAX_BATCH = 256;

  /** The longest a commit waits for announced writers. */
  static final long MAX_COMMIT_DELAY_NANOS = 1_000_000;

  /** How often the wait looks at the announcements again (a writer may withdraw). */
  private static final long RECHECK_NANOS = 100_000;

  /** A write announced by the calling thread, withdrawn when its work is queued or on close. */
  private final class Announced implements DeliveryStore.Arrival {
    private boolean open = true;

    void withdraw() {
      if (open) {
        open = false;
        arriving.decrementAndGet();
      }
    }

    @Override
    public void close() {
      withdraw();
      announced.remove();
    }
  }

  /**
   * One write in the shared transaction, with the writer's cached statements. It may run more than
   * once (a batch in which another write failed is made again), so it must act on the database
   * only.
   */
  @FunctionalInterface
  interface Work<R> {
    R run(Statements statements) throws SQLException;
  }

  /** A write of the batch failed: the whole transaction is rolled back and made again. */
  private static final class ItemFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ItemFailed(Exception cause) {
      super("a write in the batch failed", cause, false, false);
    }
  }

  private record Pending<R>(Work<R> work, CompletableFuture<R> done) {
    /**
     * Runs the work without a savepoint of its own, the usual case: it costs two statements less
     * per write. A failure throws {@link ItemFailed}, and the batch is made again with {@link
     * #attempt}.
     */
    Runnable attemptPlain(Statements s) {
      try {
        R result = work.run(s);
        return () -> done.complete(result);
      } catch (SQLException | RuntimeException e) {
        throw new ItemFailed(e);
      }
    }

    /** Runs the work under a savepoint; a failure is kept for the caller, not thrown. */
    Runnable attempt(Statements s) {
      try {
        s.prepare("SAVEPOINT item").execute();
        R result;
        try {
          result = work.run(s);
        } catch (SQLException | RuntimeException e) {
          s.prepare("ROLLBACK TO item").execute();
          s.prepare("RELEASE item").execute();
          return () -> done.completeExceptionally(e);
        }
        s.prepare("RELEASE item").execute();
        return () -> done.complete(result);
      } catch (SQLException e) {
        // the savepoint statements themselves failed: the transaction cannot go on
        throw new StoreException("group commit: " + e.getMessage(), e);
      }
    }
  }

  private final Database db;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean open = true;
  private Statements statements; // the commit thread's alone
  private final AtomicInteger arriving = new AtomicInteger();
  private final ThreadLocal<Announced> announced = new ThreadLocal<>();

  GroupCommit(Database db, String name) {
    this.db = db;
    this.thread = new Thread(this::loop, name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Announces that the calling thread may submit a write shortly; see the class comment. */
  DeliveryStore.Arrival arriving() {
    Announced a = new Announced();
    arriving.incrementAndGet();
    announced.set(a);
    return a;
  }

  /** Runs {@code work} in a shared transaction and returns its result once that is committed. */
  <R> R submit(Work<R> work) {
    if (!open) {
      throw new StoreException("the store is closed");
    }
    CompletableFuture<R> done = new CompletableFuture<>();
    queue.add(new Pending<>(work, done));
    Announced a = announced.get();
    if (a != null) {
      a.withdraw(); // after the add: a commit that sees no one arriving finds this work queued
    }
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a commit", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new StoreException("committing: " + cause.getMessage(), cause);
    }
  }

  private void loop() {
    List<Pending<?>> batch = new ArrayList<>();
    while (open || !queue.isEmpty()) {
      try {
        Pending<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        awaitArrivals(batch);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  /** Adds the announced writes to the batch as they are queued, within the commit delay. */
  private void awaitArrivals(List<Pending<?>> batch) throws InterruptedException {
    long deadline = System.nanoTime() + MAX_COMMIT_DELAY_NANOS;
    while (batch.size() < MAX_BATCH && arriving.get() > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      Pending<?> next = queue.poll(Math.min(left, RECHECK_NANOS), TimeUnit.NANOSECONDS);
      if (next != null) {
        batch.add(next);
        queue.drainTo(batch, MAX_BATCH - batch.size());
      }
    }
  }

  private void commit(List<Pending<?>> batch) {
    List<Runnable> answers = new ArrayList<>(batch.size());
    try {
      try {
        write(batch, answers, false);
      } catch (ItemFailed e) {
        // rolled back whole: again, each write under its own savepoint, so only the failing
        // one fails
        try {
          write(batch, answers, true);
        } catch (RuntimeException | Error again) {
          again.addSuppressed(e.getCause()); // what failed the first time, for the log
          throw again;
        }
      }
    } catch (RuntimeException | Error e) {
      // The batch is rolled back and its requests fail (GitHub sees an error and the delivery can
      // be redelivered); the committer lives on for the next batch, even after an
      // OutOfMemoryError, whose cause (this batch's payloads) is now garbage.
      for (Pending<?> p : batch) {
        p.done().completeExceptionally(e);
      }
      return;
    }
    // Only now is every write in the batch durable.
    answers.forEach(Runnable::run);
  }

  private void write(List<Pending<?>> batch, List<Runnable> answers, boolean savepoints) {
    db.write(
        c -> {
          answers.clear();
          Statements s = statementsFor(c);
          for (Pending<?> p : batch) {
            answers.add(savepoints ? p.attempt(s) : p.attemptPlain(s));
          }
          return null;
        });
  }

  private Statements statementsFor(Connection c) {
    if (statements == null || statements.connection() != c) {
      if (statements != null) {
        statements.close();
      }
      statements = new Statements(c);
    }
    return statements;
  }

  @Override
  public void close() {
    open = false;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // The loop has ended: the statements are no longer in use.
    if (statements != null && !thread.isAlive()) {
      statements.close();
    }
  }
}
