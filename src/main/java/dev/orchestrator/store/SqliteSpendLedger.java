package dev.orchestrator.store;

import dev.orchestrator.planner.SpendLedger;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * {@link SpendLedger} over {@code runs.cost_usd}: a run counts towards a day when it recorded
 * anything that day ({@code updated_at}), so a run that spans midnight counts, whole, towards both
 * days — an overestimate, which is the safe side for a budget.
 */
public final class SqliteSpendLedger implements SpendLedger {
  static final String SPENT =
      "SELECT COALESCE(SUM(cost_usd), 0) FROM runs"
          + " WHERE installation_id = ? AND updated_at >= ? AND id <> ?";

  private final Database db;

  public SqliteSpendLedger(Database db) {
    this.db = db;
  }

  @Override
  public BigDecimal spentSince(long installationId, Instant since, long excludedRunId) {
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement(SPENT)) {
            p.setLong(1, installationId);
            p.setString(2, Timestamps.format(since));
            p.setLong(3, excludedRunId);
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
              return BigDecimal.valueOf(rs.getDouble(1)); // cost_usd is REAL
            }
          }
        });
  }
}
