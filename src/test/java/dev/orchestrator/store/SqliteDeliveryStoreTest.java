package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.webhook.Delivery;
import dev.orchestrator.webhook.DeliveryReport;
import dev.orchestrator.webhook.DeliveryStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payloads live in {@code delivery_payloads}; rows stored before V5 keep theirs in place; a
 * postponed delivery is skipped until its next attempt (V12).
 */
class SqliteDeliveryStoreTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aPayloadIsStoredBesideItsRowAndReadBackWhole(@TempDir Path dir) {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"));
        SqliteDeliveryStore store = new SqliteDeliveryStore(db)) {
      String payload = "{\"action\":\"opened\",\"n\":\"" + "é".repeat(5000) + "\"}";
      assertThat(store.store(delivery("d-1", payload))).isTrue();
      assertThat(store.store(delivery("d-1", "{\"other\":1}"))).as("a duplicate").isFalse();
      assertThat(count(db, "SELECT COUNT(*) FROM delivery_payloads")).isOne();
      assertThat(count(db, "SELECT COUNT(*) FROM deliveries WHERE payload IS NOT NULL")).isZero();
      assertThat(store.find("d-1").orElseThrow().delivery().payload()).isEqualTo(payload);
      assertThat(store.pending(10).get(0).delivery().payload()).isEqualTo(payload);
    }
  }

  @Test
  void aRowStoredBeforeTheMoveIsStillReadWithItsPayload(@TempDir Path dir) {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"));
        SqliteDeliveryStore store = new SqliteDeliveryStore(db)) {
      db.write(
          c -> {
            try (PreparedStatement p =
                c.prepareStatement(
                    "INSERT INTO deliveries(delivery_id, event, payload, received_at)"
                        + " VALUES ('old', 'ping', '{\"zen\":\"old\"}', ?)")) {
              p.setString(1, Timestamps.format(T0));
              p.executeUpdate();
            }
            return null;
          });
      assertThat(store.pending(10).get(0).delivery().payload()).isEqualTo("{\"zen\":\"old\"}");
    }
  }

  @Test
  void deletingADeliveryDeletesItsPayload(@TempDir Path dir) {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"));
        SqliteDeliveryStore store = new SqliteDeliveryStore(db)) {
      store.store(delivery("d-1", "{}"));
      db.write(c -> c.createStatement().executeUpdate("DELETE FROM deliveries"));
      assertThat(count(db, "SELECT COUNT(*) FROM delivery_payloads")).isZero();
    }
  }

  @Test
  void aPostponedDeliveryIsPendingButNotDueUntilItsNextAttemptAndKeepsItsHistory(
      @TempDir Path dir) {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"));
        SqliteDeliveryStore store = new SqliteDeliveryStore(db)) {
      store.store(delivery("d-1", "{}"));
      store.store(delivery("d-2", "{}", "octo/other"));
      store.store(delivery("d-3", "{}"));
      long first = store.find("d-1").orElseThrow().seq();
      assertThat(store.due(T0, 10)).hasSize(3);
      assertThat(store.find("d-1").orElseThrow().failedAttempts()).isZero();

      Instant next = T0.plusSeconds(10);
      store.postpone(
          new DeliveryStore.Postponed(first, 1, T0, next, "could not read .github/agent.yml: 502"));
      // another repository's delivery goes on; a later one of the same repository keeps its
      // place behind the waiting one
      assertThat(store.due(T0.plusSeconds(9), 10))
          .extracting(s -> s.delivery().id())
          .containsExactly("d-2");
      assertThat(store.pending(10)).hasSize(3);
      assertThat(store.due(next, 10))
          .extracting(s -> s.delivery().id())
          .containsExactly("d-1", "d-2", "d-3");
      DeliveryStore.StoredDelivery waiting = store.find("d-1").orElseThrow();
      assertThat(waiting.failedAttempts()).isOne();
      assertThat(waiting.firstFailedAt()).hasValue(T0);
      assertThat(waiting.outcome()).isEmpty();
      assertThat(waiting.reason()).hasValue("could not read .github/agent.yml: 502");
      DeliveryReport report = new SqliteDeliveryReports(db).find("d-1").orElseThrow();
      assertThat(report.dispatched()).isFalse();
      assertThat(report.failedAttempts()).isOne();
      assertThat(report.nextAttemptAt()).hasValue(next);

      store.markDispatched(first, "runs", "started run 1", next);
      DeliveryStore.StoredDelivery done = store.find("d-1").orElseThrow();
      assertThat(done.outcome()).hasValue("runs");
      assertThat(done.failedAttempts()).as("kept as its history").isOne();
      assertThat(new SqliteDeliveryReports(db).find("d-1").orElseThrow().nextAttemptAt()).isEmpty();
      // a late postponement of a dispatched delivery changes nothing
      store.postpone(new DeliveryStore.Postponed(first, 2, T0, next.plusSeconds(20), "stale"));
      assertThat(store.find("d-1").orElseThrow().failedAttempts()).isOne();
      assertThat(store.find("d-1").orElseThrow().reason()).hasValue("started run 1");
    }
  }

  @Test
  void aBacklogOfLargePayloadsIsReadAFewAtATime(@TempDir Path dir) {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"));
        SqliteDeliveryStore store = new SqliteDeliveryStore(db)) {
      String large = "{\"pad\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
      store.store(delivery("d-1", large));
      store.store(delivery("d-2", "{}", "octo/other"));
      store.store(delivery("d-3", large, "octo/third"));
      store.store(delivery("d-4", large, "octo/fourth"));

      // 10 MB, then almost nothing, then 10 MB more would pass the batch's 16 MB
      assertThat(store.due(T0, 50))
          .extracting(d -> d.delivery().id())
          .containsExactly("d-1", "d-2");
      store.markDispatched(store.find("d-1").orElseThrow().seq(), "ignored", "read", T0);
      store.markDispatched(store.find("d-2").orElseThrow().seq(), "ignored", "read", T0);
      // one delivery is read whatever its size
      assertThat(store.due(T0, 50)).extracting(d -> d.delivery().id()).containsExactly("d-3");
      assertThat(store.due(T0, 50).get(0).delivery().payload()).isEqualTo(large);
    }
  }

  private static long count(Database db, String sql) {
    return db.read(
        c -> {
          try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
          }
        });
  }

  private static Delivery delivery(String id, String payload) {
    return delivery(id, payload, "octo/repo");
  }

  private static Delivery delivery(String id, String payload, String repository) {
    return new Delivery(
        id,
        "issues",
        Optional.of("opened"),
        Optional.of(1L),
        Optional.of(repository),
        Optional.empty(),
        payload,
        T0);
  }
}
