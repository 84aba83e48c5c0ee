package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.testing.QueuedRun;
import dev.orchestrator.webhook.Delivery;
import dev.orchestrator.webhook.DeliveryHandler;
import dev.orchestrator.webhook.DeliveryReport;
import dev.orchestrator.webhook.DeliveryStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outcomes and started runs are recorded together and read back by delivery id. */
class SqliteDeliveryReportsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aBatchOfOutcomesWithTheirRunsIsReadBack(@TempDir Path dir) {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"));
        SqliteDeliveryStore store = new SqliteDeliveryStore(db)) {
      store.store(delivery("d-1", Optional.of("created")));
      store.store(delivery("d-2", Optional.empty()));
      store.store(delivery("d-3", Optional.of("opened")));
      SqliteRunStore runs = new SqliteRunStore(db);
      long a = runs.create(QueuedRun.of("issue-triage", 1, NewRun.PRIORITY_NORMAL), T0).get();
      long b = runs.create(QueuedRun.of("pr-summary", 1, NewRun.PRIORITY_HIGH), T0).get();
      List<DeliveryStore.StoredDelivery> pending = store.pending(10);
      assertThat(pending).hasSize(3);
      store.markDispatched(
          List.of(
              new DeliveryStore.Dispatched(
                  pending.get(0).seq(),
                  new DeliveryHandler.Outcome("queued", "two missions", List.of(b, a)),
                  T0.plusSeconds(1)),
              new DeliveryStore.Dispatched(
                  pending.get(1).seq(),
                  DeliveryHandler.Outcome.ignored("ping: the webhook is configured"),
                  T0.plusSeconds(2))));
      assertThat(store.pending(10)).extracting(s -> s.delivery().id()).containsExactly("d-3");

      SqliteDeliveryReports reports = new SqliteDeliveryReports(db);
      DeliveryReport one = reports.find("d-1").orElseThrow();
      assertThat(one.kind()).isEqualTo("issue_comment.created");
      assertThat(one.dispatchedAt()).hasValue(T0.plusSeconds(1));
      assertThat(one.outcome()).hasValue("queued");
      assertThat(one.runs())
          .containsExactly(
              new DeliveryReport.StartedRun(a, "issue-triage", RunStatus.QUEUED),
              new DeliveryReport.StartedRun(b, "pr-summary", RunStatus.QUEUED));
      DeliveryReport two = reports.find("d-2").orElseThrow();
      assertThat(two.kind()).isEqualTo("issue_comment");
      assertThat(two.reason()).hasValue("ping: the webhook is configured");
      assertThat(two.runs()).isEmpty();
      DeliveryReport three = reports.find("d-3").orElseThrow();
      assertThat(three.dispatched()).isFalse();
      assertThat(reports.find("d-4")).isEmpty();
    }
  }

  private static Delivery delivery(String id, Optional<String> action) {
    return new Delivery(
        id,
        "issue_comment",
        action,
        Optional.of(1L),
        Optional.of("octo/repo"),
        Optional.empty(),
        "{}",
        T0);
  }
}
