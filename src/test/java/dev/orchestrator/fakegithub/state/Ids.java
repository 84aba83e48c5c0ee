package dev.orchestrator.fakegithub.state;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One id sequence for every kind of object, so an issue, a comment and a reaction never share an
 * id: a client that passes a comment id where an issue id belongs gets a 404 instead of a lucky
 * match.
 */
public final class Ids {
  private final AtomicLong next = new AtomicLong(1_000_001);

  /** The next unused id. */
  public long next() {
    return next.getAndIncrement();
  }
}
