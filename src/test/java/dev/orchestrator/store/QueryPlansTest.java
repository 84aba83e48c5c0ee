package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No status or history query reads a whole table: each searches an index, except the newest runs,
 * which read the primary key backwards and stop at the limit. The plans at a million runs are in
 * docs/PERFORMANCE.md ("Large histories"); this keeps them from regressing.
 */
class QueryPlansTest {
  private static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");

  @TempDir Path dir;
  private Database db;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("plans.db"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void statusAndHistorySearchIndexes() {
    for (QueryPlans.Query q : QueryPlans.statusAndHistory(NOW, Duration.ofHours(168))) {
      List<String> plan = QueryPlans.explain(db, q);
      assertThat(plan).as(q.name()).isNotEmpty();
      if (q.sql().equals(SqliteRunStore.RECENT)) {
        assertThat(plan).as(q.name()).containsExactly("SCAN runs");
        assertThat(q.sql()).endsWith("ORDER BY id DESC LIMIT ?");
      } else {
        // a table is never scanned; the status window's union is, as SQLite reads any subquery
        assertThat(plan)
            .as(q.name())
            .noneSatisfy(step -> assertThat(step).startsWith("SCAN").doesNotContain("(subquery"))
            .anySatisfy(
                step -> assertThat(step).containsPattern("USING (COVERING )?INDEX|PRIMARY KEY"));
      }
    }
  }

  @Test
  void metricsAndTheBudgetUseTheirIndexes() {
    List<QueryPlans.Query> qs = QueryPlans.frequent(NOW);
    assertThat(QueryPlans.explain(db, qs.get(0)))
        .anySatisfy(s -> assertThat(s).contains("USING COVERING INDEX runs_mission_status"));
    assertThat(QueryPlans.explain(db, qs.get(1)))
        .anySatisfy(s -> assertThat(s).contains("USING COVERING INDEX runs_status"));
    assertThat(QueryPlans.explain(db, qs.get(2)))
        .anySatisfy(s -> assertThat(s).contains("USING INDEX spend_reservations_day"));
    assertThat(QueryPlans.explain(db, qs.get(3)))
        .anySatisfy(s -> assertThat(s).contains("USING INDEX runs_installation_updated"));
  }
}
