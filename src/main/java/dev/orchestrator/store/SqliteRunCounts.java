package dev.orchestrator.store;

import dev.orchestrator.health.RunCounts;
import dev.orchestrator.runtime.RunStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link RunCounts} as SQL aggregates over {@code runs}. The queue depth reads the {@code (status,
 * priority, id)} index; the count per mission and status scans the table once per scrape, which
 * stays cheap at the sizes retention allows.
 */
public final class SqliteRunCounts implements RunCounts {
  static final String BY_MISSION_AND_STATUS =
      "SELECT mission, status, COUNT(*) FROM runs GROUP BY mission, status";
  static final String QUEUED_BY_PRIORITY =
      "SELECT priority, COUNT(*) FROM runs WHERE status = 'QUEUED' GROUP BY priority";

  private final Database db;

  public SqliteRunCounts(Database db) {
    this.db = db;
  }

  @Override
  public Map<MissionStatus, Long> byMissionAndStatus() {
    return db.read(
        c -> {
          Map<MissionStatus, Long> out = new HashMap<>();
          try (PreparedStatement p = c.prepareStatement(BY_MISSION_AND_STATUS);
              ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              out.put(
                  new MissionStatus(rs.getString(1), RunStatus.valueOf(rs.getString(2))),
                  rs.getLong(3));
            }
          }
          return out;
        });
  }

  @Override
  public Map<Integer, Long> queuedByPriority() {
    return db.read(
        c -> {
          Map<Integer, Long> out = new TreeMap<>();
          try (PreparedStatement p = c.prepareStatement(QUEUED_BY_PRIORITY);
              ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getInt(1), rs.getLong(2));
            }
          }
          return out;
        });
  }
}
