package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.testing.FixtureRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PRODUCT.md's runbook query, run as an operator would: a plain connection to the file. */
class RunbookQueryTest {
  static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");

  @TempDir Path dir;

  @Test
  void averageTokensAndCountByMissionType() throws Exception {
    Path file = dir.resolve("agent_metrics.db");
    try (Database db = Database.open("jdbc:sqlite:" + file)) {
      Instant t = NOW.minusSeconds(60);
      FixtureRun.of("triage", RunStatus.SUCCEEDED).finished(t, 1).cost(100, 0).insert(db, NOW);
      FixtureRun.of("triage", RunStatus.FAILED).finished(t, 1).cost(300, 0).insert(db, NOW);
      FixtureRun.of("triage", RunStatus.SUCCEEDED).finished(t, 1).dryRun().insert(db, NOW);
      FixtureRun.of("review", RunStatus.SUCCEEDED).finished(t, 1).cost(1000, 0).insert(db, NOW);
      FixtureRun.of("review", RunStatus.QUEUED).insert(db, NOW);
    }
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT mission_type, AVG(token_usage), COUNT(*) FROM mission_metrics"
                    + " GROUP BY mission_type")) {
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getDouble(2) + " " + rs.getLong(3));
      }
    }
    assertThat(rows).containsExactly("review 500.0 2", "triage 133.33333333333334 3");
  }

  @Test
  void missionMetricsHasProductColumns() throws Exception {
    Path file = dir.resolve("agent_metrics.db");
    try (Database db = Database.open("jdbc:sqlite:" + file)) {
      FixtureRun.of("triage", RunStatus.SUCCEEDED).finished(NOW, 2.5).dryRun().insert(db, NOW);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT mission_id, mission_type, status, dry_run, started_at, finished_at,"
                    + " duration, tool_call_count, token_usage, cost_usd, error"
                    + " FROM mission_metrics")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("mission_type")).isEqualTo("triage");
      assertThat(rs.getInt("dry_run")).isEqualTo(1);
      assertThat(rs.getDouble("duration")).isEqualTo(2.5);
      assertThat(rs.getString("finished_at")).isEqualTo("2026-03-14T12:00:00.000Z");
    }
  }
}
