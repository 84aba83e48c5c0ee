package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.testing.FixtureRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSpendLedgerTest {
  private static final Instant NOON = Instant.parse("2026-11-27T12:00:00Z");
  private static final Instant MIDNIGHT = Instant.parse("2026-11-27T00:00:00Z");

  @TempDir Path dir;
  private Database db;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("ledger.db"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long run(long installation, Instant at, double usd) {
    return FixtureRun.of("m", RunStatus.SUCCEEDED)
        .installation(installation)
        .finished(at, 2)
        .cost(1000, usd)
        .insert(db, at);
  }

  @Test
  void sumsTheDaysRunsOfOneInstallationLeavingOneRunOut() {
    long mine = run(7, NOON, 0.25);
    run(7, NOON.minus(Duration.ofHours(3)), 0.5);
    run(7, MIDNIGHT.minusMillis(1), 10); // yesterday
    run(8, NOON, 20); // another installation
    SqliteSpendLedger ledger = new SqliteSpendLedger(db);

    assertThat(ledger.spentSince(7, MIDNIGHT, 0)).isEqualByComparingTo("0.75");
    assertThat(ledger.spentSince(7, MIDNIGHT, mine)).isEqualByComparingTo("0.5");
    assertThat(ledger.spentSince(8, MIDNIGHT, 0)).isEqualByComparingTo("20");
    assertThat(ledger.spentSince(9, MIDNIGHT, 0)).isEqualByComparingTo("0");
  }
}
