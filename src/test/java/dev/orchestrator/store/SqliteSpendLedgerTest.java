package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.planner.SpendLedger;
import dev.orchestrator.planner.SpendLedger.Reservation;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.testing.FixtureRun;
import dev.orchestrator.testing.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSpendLedgerTest {
  private static final Instant NOON = Instant.parse("2026-11-27T12:00:00Z");
  private static final Instant MIDNIGHT = Instant.parse("2026-11-27T00:00:00Z");
  private static final Duration HOLD = Duration.ofMinutes(10);

  @TempDir Path dir;
  private Database db;
  private SqliteSpendLedger ledger;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("ledger.db"));
    ledger = new SqliteSpendLedger(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long finishedRun(long installation, Instant at, double usd) {
    return FixtureRun.of("m", RunStatus.SUCCEEDED)
        .installation(installation)
        .finished(at, 2)
        .cost(1000, usd)
        .insert(db, at);
  }

  private long runningRun(long installation, Instant at) {
    return FixtureRun.of("m", RunStatus.RUNNING).installation(installation).insert(db, at);
  }

  private static SpendLedger.Call call(long runId, String worst, Instant at) {
    return new SpendLedger.Call(7, runId, new BigDecimal(worst), at, at.plus(HOLD));
  }

  private static long held(Reservation r) {
    assertThat(r).isInstanceOf(Reservation.Held.class);
    return ((Reservation.Held) r).id();
  }

  @Test
  void runsWithoutReservationsCountByTheirRecordedCostOnTheirDay() {
    finishedRun(7, NOON, 0.25);
    finishedRun(7, NOON.minus(Duration.ofHours(3)), 0.5);
    finishedRun(7, MIDNIGHT.minusMillis(1), 10); // yesterday
    finishedRun(8, NOON, 20); // another installation

    assertThat(ledger.today(7, NOON).spent()).isEqualByComparingTo("0.75");
    assertThat(ledger.today(7, NOON).reserved()).isZero();
    assertThat(ledger.today(8, NOON).spent()).isEqualByComparingTo("20");
    assertThat(ledger.today(9, NOON).committed()).isZero();
  }

  @Test
  void ofEightWorkersOnTwoHandlesExactlyAsManyReserveAsTheBudgetFits() throws Exception {
    int workers = 8;
    List<Long> runs = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      runs.add(runningRun(7, NOON));
    }
    // 3 worst cases of $0.0007 fit in $0.0021 exactly; a fourth does not
    BigDecimal budget = new BigDecimal("0.0021");
    try (Database second = Database.open("jdbc:sqlite:" + dir.resolve("ledger.db"))) {
      List<SpendLedger> ledgers = List.of(ledger, new SqliteSpendLedger(second));
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Reservation>> tries = new ArrayList<>();
      try {
        for (int i = 0; i < workers; i++) {
          SpendLedger l = ledgers.get(i % 2);
          SpendLedger.Call c = call(runs.get(i), "0.0007", NOON);
          tries.add(
              pool.submit(
                  () -> {
                    go.await();
                    return l.reserve(c, budget);
                  }));
        }
        go.countDown();
        List<Reservation> outcomes = new ArrayList<>();
        for (Future<Reservation> f : tries) {
          outcomes.add(f.get(30, TimeUnit.SECONDS));
        }
        assertThat(outcomes.stream().filter(Reservation::held)).hasSize(3);
        assertThat(new SqliteSpendLedger(second).today(7, NOON).reserved())
            .isEqualByComparingTo("0.0021");
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void settlingReplacesTheWorstCaseByTheExactCostAndReleasingByNothing() {
    long run = runningRun(7, NOON);
    long a = held(ledger.reserve(call(run, "0.5", NOON), new BigDecimal("5")));
    long b = held(ledger.reserve(call(run, "0.5", NOON), new BigDecimal("5")));
    long c = held(ledger.reserve(call(run, "0.5", NOON), new BigDecimal("5")));
    assertThat(ledger.today(7, NOON).reserved()).isEqualByComparingTo("1.5");

    ledger.settle(a, new BigDecimal("0.1"), NOON);
    ledger.settle(b, new BigDecimal("0.2"), NOON);
    SpendLedger.Today today = ledger.today(7, NOON);
    // 0.1 + 0.2 is 0.3 exactly, as doubles would not have it
    assertThat(today.spent()).isEqualTo(new BigDecimal("0.3"));
    assertThat(today.reserved()).isEqualTo(new BigDecimal("0.5"));

    ledger.release(c, NOON);
    assertThat(ledger.today(7, NOON))
        .isEqualTo(new SpendLedger.Today(new BigDecimal("0.3"), BigDecimal.ZERO));
  }

  @Test
  void aBudgetExactlyFilledIsReservedAndACentMoreIsNot() {
    long run = runningRun(7, NOON);
    finishedRun(7, NOON, 4.0);
    BigDecimal budget = new BigDecimal("5.00");
    held(ledger.reserve(call(run, "1.00", NOON), budget));
    Reservation refused = ledger.reserve(call(run, "0.01", NOON), budget);
    assertThat(refused)
        .isEqualTo(
            new Reservation.Refused(
                new SpendLedger.Today(new BigDecimal("4.0"), new BigDecimal("1.00"))));
  }

  @Test
  void aStaleReservationStopsCountingAtItsExpiryOrWhenItsRunStopsRunning() {
    MutableClock clock = MutableClock.at(NOON);
    long crashed = runningRun(7, NOON);
    long failed = runningRun(7, NOON);
    BigDecimal budget = new BigDecimal("1.00");
    held(ledger.reserve(call(crashed, "0.60", clock.instant()), budget));
    long out = held(ledger.reserve(call(failed, "0.30", clock.instant()), budget));
    assertThat(ledger.reserve(call(failed, "0.20", clock.instant()), budget).held()).isFalse();

    // the second run ended (its worker failed it) without settling: its hold is gone
    db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("UPDATE runs SET status = ? WHERE id = ?")) {
            p.setString(1, RunStatus.FAILED.name());
            p.setLong(2, failed);
            return p.executeUpdate();
          }
        });
    assertThat(ledger.today(7, clock.instant()).reserved()).isEqualByComparingTo("0.60");

    clock.advance(HOLD.minusMillis(1));
    assertThat(ledger.today(7, clock.instant()).reserved()).isEqualByComparingTo("0.60");
    clock.advance(Duration.ofMillis(1)); // the first run's process died mid-call: it expired
    assertThat(ledger.today(7, clock.instant()).reserved()).isZero();
    assertThat(ledger.reserve(call(crashed, "1.00", clock.instant()), budget).held()).isTrue();

    // an answer that arrives late is still spend, exactly
    ledger.settle(out, new BigDecimal("0.25"), clock.instant());
    assertThat(ledger.today(7, clock.instant()).spent()).isEqualByComparingTo("0.25");
  }

  @Test
  void aCallCountsTowardsTheDayItWasReservedOn() {
    long run = runningRun(7, MIDNIGHT.minus(Duration.ofHours(1)));
    long late = held(ledger.reserve(call(run, "0.4", MIDNIGHT.minusSeconds(30)), BigDecimal.ONE));
    ledger.settle(late, new BigDecimal("0.4"), MIDNIGHT.plusSeconds(5));
    assertThat(ledger.today(7, MIDNIGHT.minusSeconds(1)).spent()).isEqualByComparingTo("0.4");
    assertThat(ledger.today(7, NOON).committed()).isZero();
  }
}
