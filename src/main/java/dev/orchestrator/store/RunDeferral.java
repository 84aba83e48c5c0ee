package dev.orchestrator.store;

import dev.orchestrator.runtime.RunFinish;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** The row change of {@link SqliteRunStore#defer}: back to QUEUED with a "not before" instant. */
final class RunDeferral {
  private static final String SQL =
      "UPDATE runs SET status = 'QUEUED', not_before = ?, tool_call_count = ?, token_usage = ?,"
          + " cost_usd = ?, model = COALESCE(?, model), error = ?, error_class = ?,"
          + " checkpoint = ?, lease_owner = NULL, lease_until = NULL,"
          // a deferral is not a failed attempt: lease expiries alone use up a run's attempts
          + " attempts = MAX(attempts - 1, 0), updated_at = ? WHERE id = ?";

  private RunDeferral() {}

  static void write(Connection c, long id, Instant notBefore, RunFinish f, Instant now)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(SQL)) {
      p.setString(1, Timestamps.format(notBefore));
      p.setInt(2, f.toolCallCount());
      p.setLong(3, f.tokenUsage());
      p.setDouble(4, f.costUsd());
      SqliteRunStore.setText(p, 5, f.model());
      SqliteRunStore.setText(p, 6, f.error());
      SqliteRunStore.setText(p, 7, f.errorClass());
      SqliteRunStore.setText(p, 8, f.checkpointJson());
      p.setString(9, Timestamps.format(now));
      p.setLong(10, id);
      p.executeUpdate();
    }
  }
}
