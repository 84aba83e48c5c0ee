package dev.orchestrator.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@link #LIMIT} commands per user per repository in a sliding {@link #WINDOW}; beyond that
 * a comment only gets the confused reaction. In memory: a restart forgives, which is fine.
 */
public final class CommandRateLimit {
  public static final int LIMIT = 10;
  public static final Duration WINDOW = Duration.ofMinutes(10);

  private final Clock clock;
  private final Map<String, Deque<Instant>> recent = new HashMap<>();

  public CommandRateLimit(Clock clock) {
    this.clock = clock;
  }

  /** Counts one command by {@code login} in {@code repository}; false when over the limit. */
  public synchronized boolean tryAcquire(String repository, String login) {
    Instant now = clock.instant();
    Deque<Instant> q =
        recent.computeIfAbsent(
            repository + "\n" + login.toLowerCase(java.util.Locale.ROOT), k -> new ArrayDeque<>());
    while (!q.isEmpty() && !q.peekFirst().isAfter(now.minus(WINDOW))) {
      q.pollFirst();
    }
    if (q.size() >= LIMIT) {
      return false;
    }
    q.addLast(now);
    return true;
  }
}
