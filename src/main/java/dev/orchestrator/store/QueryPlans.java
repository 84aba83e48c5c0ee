package dev.orchestrator.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL behind {@code agent status}, {@code agent history} and {@code /agent history}, named and
 * with sample parameters, and SQLite's {@code EXPLAIN QUERY PLAN} for each: what {@code
 * bench/history-queries.sh} prints against a large history and what a test holds to "no full scan".
 * The statements are the stores' own constants, so the plans shown are the plans run.
 */
public final class QueryPlans {
  /** One statement as a command runs it; {@code parameters} are bound as text or integers. */
  public record Query(String name, String sql, List<Object> parameters) {
    public Query {
      parameters = List.copyOf(parameters);
    }
  }

  private QueryPlans() {}

  /** The status and history queries, parameters as of {@code now} over {@code lookback}. */
  public static List<Query> statusAndHistory(Instant now, Duration lookback) {
    return List.of(
        new Query(
            "status: runs finished in the window",
            SqliteRunStats.WINDOW,
            SqliteRunStats.windowParameters(now.minus(lookback), now)),
        new Query("status: active runs", SqliteRunStats.ACTIVE, List.of()),
        new Query("status: open breakers", SqliteBreakerStore.NOT_CLOSED, List.of()),
        new Query("history: newest runs", SqliteRunStore.RECENT, List.of(50)),
        new Query(
            "/agent history: newest runs of a repository",
            SqliteRunStore.RECENT_IN_REPOSITORY,
            List.of("org-1/repo-0", 10)));
  }

  /**
   * Queries that run often outside status and history: the {@code /metrics} counts on every scrape
   * and the model budget before each LLM call.
   */
  public static List<Query> frequent(Instant now) {
    String dayAgo = Timestamps.format(now.minus(Duration.ofDays(1)));
    return List.of(
        new Query(
            "/metrics: runs by mission and status",
            SqliteRunCounts.BY_MISSION_AND_STATUS,
            List.of()),
        new Query("/metrics: queued by priority", SqliteRunCounts.QUEUED_BY_PRIORITY, List.of()),
        new Query(
            "llm budget: an installation's calls today",
            SqliteSpendLedger.CALLS,
            List.of(7, dayAgo, Timestamps.format(now.plus(Duration.ofDays(1))), dayAgo)),
        new Query(
            "llm budget: spend of runs without reservations",
            SqliteSpendLedger.UNRESERVED_RUNS,
            List.of(7, dayAgo)));
  }

  /** The plan's steps, one {@code detail} per line as SQLite prints them. */
  public static List<String> explain(Database db, Query q) {
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement("EXPLAIN QUERY PLAN " + q.sql())) {
            for (int i = 0; i < q.parameters().size(); i++) {
              p.setObject(i + 1, q.parameters().get(i));
            }
            List<String> steps = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                steps.add(rs.getString("detail"));
              }
            }
            return steps;
          }
        });
  }
}
