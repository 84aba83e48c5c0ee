package dev.orchestrator.store;

import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.webhook.DeliveryReport;
import dev.orchestrator.webhook.DeliveryReports;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link DeliveryReports} on {@code deliveries} and {@code delivery_runs}. */
public final class SqliteDeliveryReports implements DeliveryReports {
  private final Database db;

  public SqliteDeliveryReports(Database db) {
    this.db = db;
  }

  @Override
  public Optional<DeliveryReport> find(String deliveryId) {
    // The delivery is read first: its runs are committed with its outcome, so once the outcome
    // is visible the second read sees them too.
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT event, action, received_at, dispatched_at, outcome, reason,"
                      + " failed_attempts, next_attempt_at FROM deliveries WHERE delivery_id = ?")) {
            p.setString(1, deliveryId);
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              String action = rs.getString("action");
              String event = rs.getString("event");
              return Optional.of(
                  new DeliveryReport(
                      deliveryId,
                      action == null ? event : event + "." + action,
                      Timestamps.parse(rs.getString("received_at")),
                      Optional.ofNullable(rs.getString("dispatched_at")).map(Timestamps::parse),
                      Optional.ofNullable(rs.getString("outcome")),
                      Optional.ofNullable(rs.getString("reason")),
                      runs(c, deliveryId),
                      rs.getInt("failed_attempts"),
                      Optional.ofNullable(rs.getString("next_attempt_at")).map(Timestamps::parse)));
            }
          }
        });
  }

  private static List<DeliveryReport.StartedRun> runs(Connection c, String deliveryId)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT r.id, r.mission, r.status FROM delivery_runs d JOIN runs r ON r.id = d.run_id"
                + " WHERE d.delivery_id = ? ORDER BY r.id")) {
      p.setString(1, deliveryId);
      List<DeliveryReport.StartedRun> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(
              new DeliveryReport.StartedRun(
                  rs.getLong(1), rs.getString(2), RunStatus.valueOf(rs.getString(3))));
        }
      }
      return out;
    }
  }
}
