package dev.orchestrator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a task every period on its own daemon thread until closed; a failing tick is logged. */
final class Ticker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);

  private final Runnable task;
  private final long periodMs;
  private final Thread thread;
  private volatile boolean open = true;

  Ticker(String name, java.time.Duration period, Runnable task) {
    this.task = task;
    this.periodMs = period.toMillis();
    this.thread = new Thread(this::loop, name);
    this.thread.setDaemon(true);
  }

  Ticker(String name, java.time.Duration period, java.util.function.IntSupplier task) {
    this(name, period, (Runnable) task::getAsInt);
  }

  void start() {
    thread.start();
  }

  private void loop() {
    while (open) {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("{}: {}", thread.getName(), e.getMessage(), e);
      }
      synchronized (this) {
        try {
          wait(periodMs); // woken early by close()
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    open = false;
    synchronized (this) {
      notifyAll();
    }
  }
}
