package dev.orchestrator.store;

import dev.orchestrator.health.HealthContext;
import dev.orchestrator.health.RunGroup;
import dev.orchestrator.health.RunStats;
import dev.orchestrator.health.RunStatsSource;
import dev.orchestrator.runtime.RunStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RunStatsSource} as SQL aggregates over {@code runs}: the window is a range on the indexed
 * {@code finished_at} and the database sums it into one row per mission × status × dry run, so the
 * cost grows with the runs in the window, never with the table, and no run row reaches Java.
 */
public final class SqliteRunStats implements RunStatsSource {
  // The range implies finished_at IS NOT NULL, which lets SQLite use the partial index.
  static final String WINDOW =
      "SELECT mission, status, dry_run, COUNT(*), COUNT(duration), COALESCE(SUM(duration), 0),"
          + " SUM(token_usage), SUM(cost_usd), COALESCE(model, '')"
          + " FROM runs WHERE finished_at >= ? AND finished_at <= ?"
          + " GROUP BY mission, status, dry_run, COALESCE(model, '')";
  static final String ACTIVE =
      "SELECT status, COUNT(*) FROM runs WHERE status IN ('QUEUED', 'RUNNING', 'BLOCKED')"
          + " GROUP BY status";

  // The range implies not_before IS NOT NULL, which lets SQLite use the partial index.
  static final String WAITING =
      "SELECT COUNT(*), MIN(not_before) FROM runs WHERE status = 'QUEUED' AND not_before > ?";

  private final Database db;

  public SqliteRunStats(Database db) {
    this.db = db;
  }

  @Override
  public RunStats finishedBetween(Instant from, Instant to) {
    List<RunGroup> groups =
        db.read(
            c -> {
              try (PreparedStatement p = c.prepareStatement(WINDOW)) {
                p.setString(1, Timestamps.format(from));
                p.setString(2, Timestamps.format(to));
                List<RunGroup> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                  while (rs.next()) {
                    out.add(
                        new RunGroup(
                            rs.getString(1),
                            RunStatus.valueOf(rs.getString(2)),
                            rs.getInt(3) != 0,
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getDouble(6),
                            rs.getLong(7),
                            rs.getDouble(8),
                            rs.getString(9)));
                  }
                }
                return out;
              }
            });
    return new RunStats(from, to, groups);
  }

  @Override
  public HealthContext.Waiting waiting(Instant now) {
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement(WAITING)) {
            p.setString(1, Timestamps.format(now));
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
              return new HealthContext.Waiting(
                  rs.getLong(1), Optional.ofNullable(Timestamps.parse(rs.getString(2))));
            }
          }
        });
  }

  @Override
  public Map<RunStatus, Long> active() {
    return db.read(
        c -> {
          Map<RunStatus, Long> out = new EnumMap<>(RunStatus.class);
          try (PreparedStatement p = c.prepareStatement(ACTIVE);
              ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              out.put(RunStatus.valueOf(rs.getString(1)), rs.getLong(2));
            }
          }
          return out;
        });
  }
}
