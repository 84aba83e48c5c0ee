package dev.orchestrator.store;

import dev.orchestrator.health.HealthContext;
import dev.orchestrator.health.RunGroup;
import dev.orchestrator.health.RunStats;
import dev.orchestrator.health.RunStatsSource;
import dev.orchestrator.runtime.RunStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RunStatsSource} as SQL aggregates: the whole hours of the window are read from {@code
 * run_hours} (finished runs summed per hour, kept by triggers on {@code runs}: the run_hours
 * migration), the two partial hours at its ends from {@code runs} over the indexed {@code
 * finished_at}, and SQLite sums both into one row per mission × status × dry run × model. The cost
 * grows with the window's hours and the runs of one or two hours, never with the table, and no run
 * row reaches Java.
 */
public final class SqliteRunStats implements RunStatsSource {
  // The ranges on finished_at imply finished_at IS NOT NULL, which lets SQLite use the partial
  // index. Parameters: first whole hour, end of the whole hours (both "yyyy-MM-ddTHH"), the
  // window's start, the end of its first partial hour, the start of its last partial hour, its end.
  static final String WINDOW =
      "SELECT mission, status, dry_run, SUM(runs), SUM(timed), SUM(duration), SUM(tokens),"
          + " SUM(cost_usd), model FROM ("
          + "SELECT mission, status, dry_run, runs, timed, duration, tokens, cost_usd, model"
          + " FROM run_hours WHERE hour >= ? AND hour < ?"
          + " UNION ALL "
          + "SELECT mission, status, dry_run, 1, duration IS NOT NULL, COALESCE(duration, 0),"
          + " token_usage, cost_usd, COALESCE(model, '')"
          + " FROM runs WHERE finished_at >= ? AND finished_at < ?"
          + " UNION ALL "
          + "SELECT mission, status, dry_run, 1, duration IS NOT NULL, COALESCE(duration, 0),"
          + " token_usage, cost_usd, COALESCE(model, '')"
          + " FROM runs WHERE finished_at >= ? AND finished_at <= ?"
          + ") GROUP BY mission, status, dry_run, model";

  /** {@link #WINDOW}'s parameters for the runs finished in {@code [from, to]}. */
  static List<Object> windowParameters(Instant from, Instant to) {
    Instant firstWholeHour = from.truncatedTo(ChronoUnit.HOURS);
    if (firstWholeHour.isBefore(from)) {
      firstWholeHour = firstWholeHour.plus(1, ChronoUnit.HOURS);
    }
    Instant lastPartialHour = to.truncatedTo(ChronoUnit.HOURS);
    // a window inside one hour has no whole hour: all of it is read from runs, as the last part
    Instant tailStart = lastPartialHour.isBefore(from) ? from : lastPartialHour;
    Instant headEnd = firstWholeHour.isBefore(tailStart) ? firstWholeHour : tailStart;
    return List.of(
        hour(firstWholeHour),
        hour(lastPartialHour),
        Timestamps.format(from),
        Timestamps.format(headEnd),
        Timestamps.format(tailStart),
        Timestamps.format(to));
  }

  /** The {@code run_hours.hour} of a time: its first 13 characters as stored. */
  private static String hour(Instant at) {
    return Timestamps.format(at).substring(0, 13);
  }

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
                List<Object> parameters = windowParameters(from, to);
                for (int i = 0; i < parameters.size(); i++) {
                  p.setString(i + 1, (String) parameters.get(i));
                }
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
