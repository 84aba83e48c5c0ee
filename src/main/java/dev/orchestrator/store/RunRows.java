package dev.orchestrator.store;

import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Maps a {@code runs} row to a {@link RunRecord}. */
final class RunRows {
  private RunRows() {}

  static RunRecord read(ResultSet rs) throws SQLException {
    return new RunRecord(
        rs.getLong("id"),
        rs.getString("mission"),
        rs.getString("planner"),
        rs.getLong("installation_id"),
        text(rs, "repository"),
        integer(rs, "issue_number"),
        text(rs, "head_sha"),
        rs.getString("trigger"),
        text(rs, "requested_by"),
        text(rs, "idempotency_key"),
        RunStatus.valueOf(rs.getString("status")),
        rs.getInt("priority"),
        rs.getInt("dry_run") != 0,
        rs.getString("arguments"),
        text(rs, "event"),
        Timestamps.parse(rs.getString("created_at")),
        text(rs, "started_at").map(Timestamps::parse),
        text(rs, "finished_at").map(Timestamps::parse),
        real(rs, "duration"),
        rs.getInt("tool_call_count"),
        rs.getLong("token_usage"),
        rs.getDouble("cost_usd"),
        text(rs, "model"),
        text(rs, "error"),
        text(rs, "error_class"),
        text(rs, "checkpoint"),
        rs.getInt("attempts"),
        Timestamps.parse(rs.getString("updated_at")),
        text(rs, "not_before").map(Timestamps::parse));
  }

  private static Optional<String> text(ResultSet rs, String col) throws SQLException {
    return Optional.ofNullable(rs.getString(col));
  }

  private static Optional<Integer> integer(ResultSet rs, String col) throws SQLException {
    int v = rs.getInt(col);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }

  private static Optional<Double> real(ResultSet rs, String col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }
}
