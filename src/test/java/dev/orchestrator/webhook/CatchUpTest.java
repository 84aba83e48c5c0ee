package dev.orchestrator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** Scans of the delivery log: paging, the high-water mark, the 3-day window, failed scans. */
class CatchUpTest {
  private final MutableClock clock = MutableClock.at("2026-03-10T12:00:00Z");
  private final FakeLog log = new FakeLog(2);
  private final MemoryState state = new MemoryState();
  private final Set<String> stored = new HashSet<>();
  private final CountingMetrics metrics = new CountingMetrics();
  private final CatchUp catchUp = new CatchUp(log, stored::contains, state, metrics, clock);
  private long ids = 100;

  /** An attempt made now; the clock then moves a minute on. */
  private LoggedDelivery attempt(String guid, int status) {
    LoggedDelivery d =
        new LoggedDelivery(
            ++ids, guid, clock.instant(), false, status, "issue_comment", Optional.of("created"));
    log.add(d);
    clock.advance(Duration.ofMinutes(1));
    return d;
  }

  @Test
  void readsEveryPageThenRedeliversTheFailuresWeNeverStored() {
    attempt("a", 202);
    LoggedDelivery b = attempt("b", 502);
    attempt("c", 0);
    attempt("d", 202);
    LoggedDelivery e = attempt("e", 503);
    stored.add("a");
    stored.add("c"); // GitHub timed out on it, but it was committed
    stored.add("d");

    ScanReport r = catchUp.scan();

    assertThat(log.cursors).hasSize(3); // 5 attempts, 2 a page
    assertThat(log.redeliveries).containsExactly(e.id(), b.id());
    assertThat(metrics.recovered).isEqualTo(2);
    assertThat(r).isInstanceOf(ScanReport.Completed.class);
    ScanReport.Completed c = (ScanReport.Completed) r;
    assertThat(c.listed()).isEqualTo(5);
    assertThat(c.redelivered()).isEqualTo(2);
    assertThat(c.alreadyStored()).isEqualTo(1);
    assertThat(state.mark().orElseThrow().deliveryId()).isEqualTo(e.id());
    assertThat(state.requests).containsEntry("b", 1).containsEntry("e", 1);
    assertThat(r.describe())
        .startsWith("delivery catch-up: listed 5, redelivered 2 (failed but already stored 1,")
        .contains("high-water mark delivery " + e.id() + " of " + e.deliveredAt());
  }

  @Test
  void theNextScanStopsAtTheHighWaterMark() {
    attempt("a", 502);
    attempt("b", 502);
    attempt("c", 502);
    catchUp.scan();
    assertThat(log.redeliveries).hasSize(3);
    log.clearRequests();
    LoggedDelivery d = attempt("d", 502);

    ScanReport.Completed again = (ScanReport.Completed) catchUp.scan();

    assertThat(again.listed()).isEqualTo(1);
    assertThat(log.cursors).containsExactly(Optional.empty()); // the first page reached the mark
    assertThat(log.redeliveries).containsExactly(d.id());
    assertThat(state.mark().orElseThrow().deliveryId()).isEqualTo(d.id());
  }

  @Test
  void aScanWithNothingNewKeepsTheMarkAndSaysWhenItLooked() {
    LoggedDelivery a = attempt("a", 202);
    catchUp.scan();
    clock.advance(Duration.ofMinutes(10));

    ScanReport.Completed r = (ScanReport.Completed) catchUp.scan();

    assertThat(r.listed()).isZero();
    assertThat(state.mark().orElseThrow().deliveryId()).isEqualTo(a.id());
    assertThat(state.mark().orElseThrow().scannedAt()).isEqualTo(clock.instant());
  }

  @Test
  void withoutAMarkItLooksBackThreeDaysAndNoFurther() {
    LoggedDelivery old = attempt("old", 502);
    attempt("older-page-filler", 202);
    clock.advance(Duration.ofDays(3));
    LoggedDelivery recent = attempt("recent", 502);

    ScanReport.Completed r = (ScanReport.Completed) catchUp.scan();

    assertThat(r.listed()).isEqualTo(1);
    assertThat(log.redeliveries).containsExactly(recent.id()).doesNotContain(old.id());
    // the first page ends with an attempt past 3 days: the second is never asked for
    assertThat(log.cursors).containsExactly(Optional.empty());
  }

  @Test
  void aMarkOlderThanThreeDaysGivesWayToTheWindow() {
    attempt("a", 202);
    catchUp.scan();
    attempt("lost", 502); // made while the server was down for good
    clock.advance(Duration.ofDays(4));
    LoggedDelivery recent = attempt("recent", 0);

    catchUp.scan();

    assertThat(log.redeliveries).containsExactly(recent.id());
  }

  @Test
  void aFailedPageMovesNothingAndTheNextScanCoversTheSameAttempts() {
    LoggedDelivery a = attempt("a", 502);
    attempt("b", 202);
    attempt("c", 202);
    log.failPage = 2;

    ScanReport r = catchUp.scan();

    assertThat(r).isInstanceOf(ScanReport.Failed.class);
    assertThat(r.describe())
        .startsWith("delivery catch-up failed: page 2 of the delivery log: 502 from GitHub")
        .contains("high-water mark unchanged (none yet)")
        .endsWith("trying again at the next scan");
    assertThat(log.redeliveries).isEmpty(); // nothing is asked for from a partial listing
    assertThat(state.mark()).isEmpty();

    log.failPage = 0;
    ScanReport.Completed again = (ScanReport.Completed) catchUp.scan();

    assertThat(again.listed()).isEqualTo(3);
    assertThat(log.redeliveries).containsExactly(a.id());
  }

  @Test
  void aRateLimitedPageSaysUntilWhen() {
    attempt("a", 502);
    log.failPage = 1;
    log.retryAt = Optional.of(Instant.parse("2026-03-10T13:00:00Z"));

    ScanReport r = catchUp.scan();

    assertThat(r.describe()).contains("(GitHub asks to wait until 2026-03-10T13:00:00Z)");
  }

  @Test
  void aFailedRedeliveryRequestKeepsTheMarkSoTheNextScanAsksAgain() {
    attempt("a", 202);
    catchUp.scan();
    CatchUpState.HighWaterMark before = state.mark().orElseThrow();
    LoggedDelivery b = attempt("b", 502);
    LoggedDelivery c = attempt("c", 502);
    log.redeliver = id -> new MissedDeliveries.Request.Failed("503 from GitHub");

    ScanReport r = catchUp.scan();

    assertThat(r).isInstanceOf(ScanReport.Failed.class);
    assertThat(r.describe()).contains("asking GitHub to redeliver " + c.id()).contains("503");
    assertThat(log.redeliveries).containsExactly(c.id()); // the rest waits for the next scan
    assertThat(state.mark()).contains(before);
    assertThat(metrics.recovered).isZero();

    log.redeliver = id -> new MissedDeliveries.Request.Accepted();
    log.clearRequests();
    catchUp.scan();

    assertThat(log.redeliveries).containsExactly(c.id(), b.id());
    assertThat(state.mark().orElseThrow().deliveryId()).isEqualTo(c.id());
  }

  @Test
  void aRefusedRequestIsCountedAndTheScanCompletes() {
    LoggedDelivery a = attempt("a", 502);
    log.redeliver = id -> new MissedDeliveries.Request.Refused("422 from GitHub");

    ScanReport.Completed r = (ScanReport.Completed) catchUp.scan();

    assertThat(r.refused()).isEqualTo(1);
    assertThat(r.redelivered()).isZero();
    assertThat(state.mark().orElseThrow().deliveryId()).isEqualTo(a.id());
  }

  @Test
  void aDeliveryOurServerKeepsRefusingIsAskedForThreeTimesThenGivenUp() {
    attempt("a", 401);
    for (int scan = 1; scan <= 5; scan++) {
      catchUp.scan();
      // GitHub's redelivery of "a" reaches us and fails again (a wrong webhook secret, say)
      attempt("a", 401);
    }

    assertThat(log.redeliveries).hasSize(CatchUp.MAX_REQUESTS);
    ScanReport.Completed last = (ScanReport.Completed) catchUp.scan();
    assertThat(last.givenUp()).isEqualTo(1);
  }

  @Test
  void anEmptyLogCompletesWithoutAMark() {
    ScanReport r = catchUp.scan();

    assertThat(r.completed()).isTrue();
    assertThat(r.describe()).endsWith("high-water mark none (nothing in the log)");
    assertThat(state.mark()).isEmpty();
  }

  /** GitHub's log: newest first, {@code pageSize} a page, the cursor an index. */
  static final class FakeLog implements MissedDeliveries {
    final List<LoggedDelivery> all = new ArrayList<>();
    final List<Optional<String>> cursors = new ArrayList<>();
    final List<Long> redeliveries = new ArrayList<>();
    final int pageSize;
    int failPage;
    Optional<Instant> retryAt = Optional.empty();
    LongFunction<Request> redeliver = id -> new Request.Accepted();

    FakeLog(int pageSize) {
      this.pageSize = pageSize;
    }

    void add(LoggedDelivery d) {
      all.add(d);
      all.sort(Comparator.comparingLong(LoggedDelivery::id).reversed());
    }

    void clearRequests() {
      cursors.clear();
      redeliveries.clear();
    }

    @Override
    public Listing page(Optional<String> cursor) {
      cursors.add(cursor);
      if (cursors.size() == failPage) {
        return new Listing.Failed("502 from GitHub", retryAt);
      }
      int from = cursor.map(Integer::parseInt).orElse(0);
      int to = Math.min(all.size(), from + pageSize);
      return new Listing.Page(
          List.copyOf(all.subList(from, to)),
          to < all.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
    }

    @Override
    public Request redeliver(long id) {
      redeliveries.add(id);
      return redeliver.apply(id);
    }
  }

  /** The state in memory. */
  static final class MemoryState implements CatchUpState {
    private Optional<HighWaterMark> mark = Optional.empty();
    final Map<String, Integer> requests = new HashMap<>();

    @Override
    public Optional<HighWaterMark> mark() {
      return mark;
    }

    @Override
    public void completed(HighWaterMark m, Instant forgetBefore) {
      mark = Optional.of(m);
    }

    @Override
    public int requests(String guid) {
      return requests.getOrDefault(guid, 0);
    }

    @Override
    public void requested(String guid, Instant at) {
      requests.merge(guid, 1, Integer::sum);
    }
  }

  static final class CountingMetrics implements IntakeMetrics {
    int recovered;

    @Override
    public void delivery(String event, String outcome) {}

    @Override
    public void recovered() {
      recovered++;
    }
  }
}
