package dev.orchestrator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher records outcomes in batches, each in one call to the store; a delivery the
 * database cannot take keeps everything waiting, one GitHub cannot serve waits alone.
 */
class DispatcherTest {
  /** Deliveries in memory; each markDispatched call is one transaction. */
  static class MemoryStore implements DeliveryStore {
    final List<StoredDelivery> rows = new ArrayList<>();
    final List<List<Dispatched>> commits = new ArrayList<>();
    final Map<Long, Instant> nextAttempt = new HashMap<>();

    @Override
    public boolean store(Delivery d) {
      rows.add(new StoredDelivery(rows.size() + 1, d, Optional.empty(), Optional.empty()));
      return true;
    }

    @Override
    public boolean contains(String deliveryId) {
      return rows.stream().anyMatch(r -> r.delivery().id().equals(deliveryId));
    }

    @Override
    public List<StoredDelivery> pending(int limit) {
      return rows.stream().filter(r -> r.outcome().isEmpty()).limit(limit).toList();
    }

    @Override
    public List<StoredDelivery> due(Instant now, int limit) {
      return rows.stream()
          .filter(r -> r.outcome().isEmpty())
          .filter(r -> !nextAttempt.getOrDefault(r.seq(), now).isAfter(now))
          .limit(limit)
          .toList();
    }

    @Override
    public void postpone(Postponed p) {
      int i = (int) p.seq() - 1;
      StoredDelivery r = rows.get(i);
      rows.set(
          i,
          new StoredDelivery(
              r.seq(),
              r.delivery(),
              Optional.empty(),
              Optional.of(p.reason()),
              p.failedAttempts(),
              Optional.of(p.firstFailedAt())));
      nextAttempt.put(p.seq(), p.nextAttemptAt());
    }

    @Override
    public long lastSeq() {
      return rows.size();
    }

    @Override
    public void markDispatched(List<Dispatched> dispatched) {
      commits.add(List.copyOf(dispatched));
      for (Dispatched d : dispatched) {
        int i = (int) d.seq() - 1;
        StoredDelivery r = rows.get(i);
        rows.set(
            i,
            new StoredDelivery(
                r.seq(),
                r.delivery(),
                Optional.of(d.outcome().outcome()),
                Optional.of(d.outcome().reason()),
                r.failedAttempts(),
                r.firstFailedAt()));
        nextAttempt.remove(d.seq());
      }
    }
  }

  private static Delivery delivery(int i, Instant at) {
    return new Delivery(
        "d-" + i,
        "issues",
        Optional.of("opened"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "{}",
        at);
  }

  @Test
  void aBurstIsRecordedInOneCommitPerBatchOfFifty() {
    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    MemoryStore store = new MemoryStore();
    for (int i = 0; i < 120; i++) {
      store.store(delivery(i, clock.instant()));
    }
    Dispatcher dispatcher = new Dispatcher(store, DeliveryHandler.ignoreAll(), clock);
    assertThat(dispatcher.drain()).isEqualTo(120);
    assertThat(store.commits).extracting(List::size).containsExactly(50, 50, 20);
    assertThat(store.pending(1000)).isEmpty();
  }

  @Test
  void aSlowHandlerDoesNotHoldOutcomesBackLongerThanTheLimit() {
    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    MemoryStore store = new MemoryStore();
    for (int i = 0; i < 5; i++) {
      store.store(delivery(i, clock.instant()));
    }
    DeliveryHandler slow =
        d -> {
          clock.advance(Duration.ofMillis(120)); // each delivery takes 120 ms to handle
          return DeliveryHandler.Outcome.ignored("slow");
        };
    new Dispatcher(store, slow, clock).drain();
    // Outcomes at 120, 240, 360 ms: at 360 the first is 240 ms old, past the 200 ms limit, so
    // those three are recorded; 480 and 600 go in the last batch.
    assertThat(store.commits).extracting(List::size).containsExactly(3, 2);
  }

  @Test
  void runIdsTravelWithTheOutcome() {
    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    MemoryStore store = new MemoryStore();
    store.store(delivery(1, clock.instant()));
    DeliveryHandler starts =
        d -> new DeliveryHandler.Outcome("queued", "two runs", List.of(7L, 8L));
    new Dispatcher(store, starts, clock).drain();
    assertThat(store.commits.get(0).get(0).outcome().runIds()).containsExactly(7L, 8L);
  }

  @Test
  void aDeliveryThatCannotBeTakenYetStaysPendingInOrderAndIsHandedOverAgainAsARetry() {
    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    MemoryStore store = new MemoryStore();
    store.store(delivery(1, clock.instant()));
    store.store(delivery(2, clock.instant()));
    store.store(delivery(3, clock.instant()));
    List<String> retries = new ArrayList<>();
    boolean[] githubUp = {false};
    DeliveryHandler handler =
        new DeliveryHandler() {
          @Override
          public Outcome handle(Delivery d) {
            throw new AssertionError("the dispatcher passes the retry flag");
          }

          @Override
          public Outcome handle(Delivery d, boolean retry) {
            if (retry) {
              retries.add(d.id());
            }
            return d.id().equals("d-2") && !githubUp[0]
                ? Outcome.later("github is failing")
                : Outcome.ignored("fine");
          }
        };
    Dispatcher dispatcher = new Dispatcher(store, handler, clock);

    assertThat(dispatcher.drain()).isEqualTo(1);
    assertThat(store.pending(10)).extracting(r -> r.delivery().id()).containsExactly("d-2", "d-3");
    githubUp[0] = true;
    assertThat(dispatcher.drain()).isEqualTo(2);
    assertThat(store.pending(10)).isEmpty();
    assertThat(retries).containsExactly("d-2");
  }

  @Test
  void onlyDeliveriesStoredBeforeTheProcessStartedAreRetries() throws InterruptedException {
    // serve reads the last sequence before its web server listens, and starts the dispatcher
    // later: what this process stored in between is new to it, not a crashed process's leftover
    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    MemoryStore store = new MemoryStore();
    store.store(delivery(1, clock.instant()));
    long storedBefore = store.lastSeq();
    store.store(delivery(2, clock.instant()));
    List<String> handled = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch both = new CountDownLatch(2);
    DeliveryHandler handler =
        new DeliveryHandler() {
          @Override
          public Outcome handle(Delivery d) {
            throw new AssertionError("the dispatcher passes the retry flag");
          }

          @Override
          public Outcome handle(Delivery d, boolean retry) {
            handled.add(d.id() + (retry ? " retry" : " new"));
            both.countDown();
            return Outcome.ignored("fine");
          }
        };
    try (Dispatcher dispatcher = new Dispatcher(store, handler, clock)) {
      dispatcher.start(storedBefore);
      assertThat(both.await(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(handled).containsExactly("d-1 retry", "d-2 new");
  }

  @Test
  void aHandlerFailingBecauseTheDatabaseCannotWriteLeavesTheDeliveryPendingButABugIsRecorded() {
    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    MemoryStore store =
        new MemoryStore() {
          @Override
          public boolean unavailable(RuntimeException failure) {
            return failure.getMessage().contains("locked");
          }
        };
    store.store(delivery(1, clock.instant()));
    store.store(delivery(2, clock.instant()));
    DeliveryHandler locked =
        d -> {
          throw new IllegalStateException(d.id().equals("d-1") ? "database is locked" : "a bug");
        };
    assertThat(new Dispatcher(store, locked, clock).drain()).isZero();
    assertThat(store.pending(10)).hasSize(2);

    DeliveryHandler buggy =
        d -> {
          throw new IllegalStateException("a bug");
        };
    assertThat(new Dispatcher(store, buggy, clock).drain()).isEqualTo(2);
    assertThat(store.rows).extracting(r -> r.outcome().orElseThrow()).containsOnly("failed");
  }

  /** Fails deliveries named in {@code down} with "GitHub could not answer"; records retries. */
  private static final class GitHubNeeding implements DeliveryHandler {
    final java.util.Set<String> down = new java.util.HashSet<>();
    final List<String> handled = new ArrayList<>();
    final List<String> retries = new ArrayList<>();

    @Override
    public Outcome handle(Delivery d) {
      throw new AssertionError("the dispatcher passes the retry flag");
    }

    @Override
    public Outcome handle(Delivery d, boolean retry) {
      handled.add(d.id());
      if (retry) {
        retries.add(d.id());
      }
      return down.contains(d.id())
          ? Outcome.retry("could not read .github/agent.yml: 502 Bad Gateway")
          : Outcome.ignored("fine");
    }
  }

  @Test
  void aDeliveryGitHubCannotServeWaitsForItsOwnNextAttemptWhileTheOthersAreDispatched() {
    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    Instant t0 = clock.instant();
    MemoryStore store = new MemoryStore();
    for (int i = 1; i <= 3; i++) {
      store.store(delivery(i, t0));
    }
    GitHubNeeding handler = new GitHubNeeding();
    handler.down.add("d-1");
    Dispatcher dispatcher = new Dispatcher(store, handler, clock);

    assertThat(dispatcher.drain()).as("the two behind it").isEqualTo(2);
    assertThat(store.pending(10))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.delivery().id()).isEqualTo("d-1");
              assertThat(r.failedAttempts()).isOne();
              assertThat(r.firstFailedAt()).hasValue(t0);
              assertThat(r.reason()).hasValue("could not read .github/agent.yml: 502 Bad Gateway");
            });
    assertThat(store.nextAttempt).containsEntry(1L, t0.plusSeconds(10));

    clock.advance(Duration.ofSeconds(9));
    store.store(delivery(4, clock.instant()));
    assertThat(dispatcher.drain()).as("d-4 only: d-1 is not due").isOne();
    assertThat(handler.handled).containsExactly("d-1", "d-2", "d-3", "d-4");

    clock.advance(Duration.ofSeconds(1));
    assertThat(dispatcher.drain()).as("d-1 failing again").isZero();
    assertThat(store.nextAttempt).as("the wait doubles").containsEntry(1L, t0.plusSeconds(30));
    assertThat(store.pending(10).get(0).failedAttempts()).isEqualTo(2);

    handler.down.clear();
    clock.advance(Duration.ofSeconds(20));
    assertThat(dispatcher.drain()).isOne();
    assertThat(store.pending(10)).isEmpty();
    assertThat(store.rows.get(0).outcome()).hasValue("ignored");
    assertThat(store.rows.get(0).failedAttempts()).as("kept as its history").isEqualTo(2);
    assertThat(handler.retries)
        .as("a postponed delivery is handed over as a retry")
        .containsExactly("d-1", "d-1");
  }

  @Test
  void aDeliveryGitHubNeverServesIsRecordedAsFailedWithTheReasonAfterAnHour() {
    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    Instant t0 = clock.instant();
    MemoryStore store = new MemoryStore();
    store.store(delivery(1, t0));
    GitHubNeeding handler = new GitHubNeeding();
    handler.down.add("d-1");
    Dispatcher dispatcher = new Dispatcher(store, handler, clock);

    List<Long> attemptsAt = new ArrayList<>();
    while (store.rows.get(0).outcome().isEmpty()) {
      attemptsAt.add(Duration.between(t0, clock.instant()).toSeconds());
      dispatcher.drain();
      Instant next = store.nextAttempt.get(1L);
      if (next != null) {
        clock.set(next);
      }
    }
    // 10 s doubling, at most 5 min apart, the last attempt exactly an hour after the first
    assertThat(attemptsAt).startsWith(0L, 10L, 30L, 70L, 150L, 310L, 610L).endsWith(3310L, 3600L);
    assertThat(attemptsAt).hasSize(17);
    assertThat(store.rows.get(0).outcome()).hasValue("failed");
    assertThat(store.rows.get(0).failedAttempts()).isEqualTo(17);
    assertThat(store.rows.get(0).reason())
        .hasValue(
            "could not read .github/agent.yml: 502 Bad Gateway (gave up after 17 attempts in 1h)");
  }
}
