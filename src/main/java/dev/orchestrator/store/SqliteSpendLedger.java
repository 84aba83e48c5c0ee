package dev.orchestrator.store;

import dev.orchestrator.planner.SpendLedger;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link SpendLedger} over {@code spend_reservations}, one row per model call. {@link #reserve}
 * reads the day and inserts the reservation in one {@code BEGIN IMMEDIATE} transaction: SQLite lets
 * one writer at a time through, across connections and processes, so the check sees every
 * reservation made before it. Amounts are decimal text summed as {@link BigDecimal}, so settled
 * spend is exact. Runs with no reservation rows (those from before the table existed) count by
 * their {@code runs.cost_usd}, whole, on each day they recorded anything, as before.
 */
public final class SqliteSpendLedger implements SpendLedger {
  // settled calls of the day, and unsettled ones still live: unexpired and their run running
  static final String CALLS =
      "SELECT s.reserved_usd, s.settled_usd FROM spend_reservations s"
          + " JOIN runs r ON r.id = s.run_id"
          + " WHERE s.installation_id = ? AND s.reserved_at >= ? AND s.reserved_at < ?"
          + " AND (s.settled_usd IS NOT NULL OR (s.expires_at > ? AND r.status = 'RUNNING'))";
  static final String UNRESERVED_RUNS =
      "SELECT COALESCE(SUM(cost_usd), 0) FROM runs r"
          + " WHERE installation_id = ? AND updated_at >= ?"
          + " AND NOT EXISTS (SELECT 1 FROM spend_reservations s WHERE s.run_id = r.id)";
  static final String INSERT =
      "INSERT INTO spend_reservations"
          + "(installation_id, run_id, reserved_usd, reserved_at, expires_at) VALUES (?,?,?,?,?)";
  static final String SETTLE =
      "UPDATE spend_reservations SET settled_usd = ?, settled_at = ? WHERE id = ?";

  private final Database db;

  public SqliteSpendLedger(Database db) {
    this.db = db;
  }

  @Override
  public Today today(long installationId, Instant now) {
    return db.read(c -> today(c, installationId, now));
  }

  @Override
  public Reservation reserve(Call call, BigDecimal dailyBudget) {
    return db.write(
        c -> {
          Today today = today(c, call.installationId(), call.at());
          if (!today.fits(call.worstUsd(), dailyBudget)) {
            return new Reservation.Refused(today);
          }
          try (PreparedStatement p = c.prepareStatement(INSERT)) {
            p.setLong(1, call.installationId());
            p.setLong(2, call.runId());
            p.setString(3, call.worstUsd().toPlainString());
            p.setString(4, Timestamps.format(call.at()));
            p.setString(5, Timestamps.format(call.expiresAt()));
            p.executeUpdate();
          }
          try (PreparedStatement p = c.prepareStatement("SELECT last_insert_rowid()");
              ResultSet rs = p.executeQuery()) {
            rs.next();
            return new Reservation.Held(rs.getLong(1));
          }
        });
  }

  @Override
  public void settle(long id, BigDecimal usd, Instant now) {
    int changed =
        db.write(
            c -> {
              try (PreparedStatement p = c.prepareStatement(SETTLE)) {
                p.setString(1, usd.toPlainString());
                p.setString(2, Timestamps.format(now));
                p.setLong(3, id);
                return p.executeUpdate();
              }
            });
    if (changed != 1) {
      throw new StoreException("settling spend reservation " + id + ": no such reservation");
    }
  }

  private static Today today(Connection c, long installationId, Instant now) throws SQLException {
    Instant start = SpendLedger.dayStart(now);
    BigDecimal spent = BigDecimal.ZERO;
    BigDecimal reserved = BigDecimal.ZERO;
    try (PreparedStatement p = c.prepareStatement(CALLS)) {
      p.setLong(1, installationId);
      p.setString(2, Timestamps.format(start));
      p.setString(3, Timestamps.format(start.plus(Duration.ofDays(1))));
      p.setString(4, Timestamps.format(now));
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String settled = rs.getString(2);
          if (settled != null) {
            spent = spent.add(new BigDecimal(settled));
          } else {
            reserved = reserved.add(new BigDecimal(rs.getString(1)));
          }
        }
      }
    }
    try (PreparedStatement p = c.prepareStatement(UNRESERVED_RUNS)) {
      p.setLong(1, installationId);
      p.setString(2, Timestamps.format(start));
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        spent = spent.add(BigDecimal.valueOf(rs.getDouble(1))); // cost_usd is REAL
      }
    }
    return new Today(spent, reserved);
  }
}
