package dev.orchestrator.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Shares one commit (one fsync) among the writes that arrive while the previous commit is being
 * made. No write waits for a timer: a lone write commits at once; under load, every write that
 * queued during an fsync goes into the next transaction together. Each caller still returns only
 * after its own row is committed.
 */
final class GroupCommit<T, R> implements AutoCloseable {
  private static final int MAX_BATCH = 256;

  /** Writes one item inside the shared transaction. */
  @FunctionalInterface
  interface ItemWrite<T, R> {
    R write(Connection c, T item) throws SQLException;
  }

  private record Pending<T, R>(T item, CompletableFuture<R> done) {}

  private final Database db;
  private final ItemWrite<T, R> write;
  private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean open = true;

  GroupCommit(Database db, String name, ItemWrite<T, R> write) {
    this.db = db;
    this.write = write;
    this.thread = new Thread(this::loop, name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Writes {@code item} and returns once it is committed. */
  R submit(T item) {
    if (!open) {
      throw new StoreException("the store is closed");
    }
    CompletableFuture<R> done = new CompletableFuture<>();
    queue.add(new Pending<>(item, done));
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
    List<Pending<T, R>> batch = new ArrayList<>();
    while (open || !queue.isEmpty()) {
      try {
        Pending<T, R> first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Pending<T, R>> batch) {
    List<R> results = new ArrayList<>(batch.size());
    try {
      db.write(
          c -> {
            results.clear();
            for (Pending<T, R> p : batch) {
              results.add(write.write(c, p.item()));
            }
            return null;
          });
    } catch (RuntimeException e) {
      for (Pending<T, R> p : batch) {
        p.done().completeExceptionally(e);
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done().complete(results.get(i));
    }
  }

  @Override
  public void close() {
    open = false;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
