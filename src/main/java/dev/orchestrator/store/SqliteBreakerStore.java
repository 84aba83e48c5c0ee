package dev.orchestrator.store;

import dev.orchestrator.runtime.BreakerRecord;
import dev.orchestrator.runtime.BreakerState;
import dev.orchestrator.runtime.BreakerStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@link BreakerStore} on the {@code breakers} table. */
public final class SqliteBreakerStore implements BreakerStore {
  // IN over the states that are not CLOSED, not "<> 'CLOSED'": with V10's breakers_state index
  // SQLite then reads only the open rows, however many closed ones a large fleet has.
  static final String NOT_CLOSED =
      "SELECT * FROM breakers WHERE state IN ("
          + java.util.Arrays.stream(BreakerState.values())
              .filter(s -> s != BreakerState.CLOSED)
              .map(s -> "'" + s.name() + "'")
              .collect(java.util.stream.Collectors.joining(", "))
          + ") ORDER BY mission, installation_id";

  private static final String UPSERT =
      "INSERT INTO breakers(mission, installation_id, state, consecutive_failures, opened_at,"
          + " updated_at) VALUES (?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT(mission, installation_id) DO UPDATE SET state = excluded.state,"
          + " consecutive_failures = excluded.consecutive_failures,"
          + " opened_at = excluded.opened_at, updated_at = excluded.updated_at";

  private final Database db;

  public SqliteBreakerStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<BreakerRecord> find(String mission, long installationId) {
    return db.read(c -> select(c, mission, installationId));
  }

  @Override
  public BreakerRecord update(
      String mission, long installationId, UnaryOperator<BreakerRecord> change, Instant now) {
    return db.write(
        c -> {
          BreakerRecord before =
              select(c, mission, installationId)
                  .orElse(BreakerRecord.closed(mission, installationId));
          BreakerRecord after = change.apply(before);
          if (!after.mission().equals(mission) || after.installationId() != installationId) {
            throw new IllegalArgumentException(
                "breaker change moved \"" + mission + "\" to \"" + after.mission() + "\"");
          }
          if (!after.equals(before)) {
            try (PreparedStatement p = c.prepareStatement(UPSERT)) {
              p.setString(1, mission);
              p.setLong(2, installationId);
              p.setString(3, after.state().name());
              p.setInt(4, after.consecutiveFailures());
              p.setString(5, after.openedAt().map(Timestamps::format).orElse(null));
              p.setString(6, Timestamps.format(now));
              p.executeUpdate();
            }
          }
          return after;
        });
  }

  @Override
  public List<BreakerRecord> notClosed() {
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement(NOT_CLOSED)) {
            return list(p);
          }
        });
  }

  @Override
  public int reset(Optional<String> mission, Optional<Long> installationId, Instant now) {
    String filter =
        (mission.isPresent() ? " AND mission = ?" : "")
            + (installationId.isPresent() ? " AND installation_id = ?" : "");
    return db.write(
        c -> {
          int open;
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM breakers WHERE state <> 'CLOSED'" + filter)) {
            bind(p, 1, mission, installationId);
            try (ResultSet rs = p.executeQuery()) {
              open = rs.next() ? rs.getInt(1) : 0;
            }
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE breakers SET state = 'CLOSED', consecutive_failures = 0,"
                      + " opened_at = NULL, updated_at = ?"
                      + " WHERE (state <> 'CLOSED' OR consecutive_failures <> 0)"
                      + filter)) {
            p.setString(1, Timestamps.format(now));
            bind(p, 2, mission, installationId);
            p.executeUpdate();
          }
          return open;
        });
  }

  private static void bind(
      PreparedStatement p, int first, Optional<String> mission, Optional<Long> installationId)
      throws SQLException {
    int i = first;
    if (mission.isPresent()) {
      p.setString(i++, mission.get());
    }
    if (installationId.isPresent()) {
      p.setLong(i, installationId.get());
    }
  }

  private static Optional<BreakerRecord> select(Connection c, String mission, long installationId)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT * FROM breakers WHERE mission = ? AND installation_id = ?")) {
      p.setString(1, mission);
      p.setLong(2, installationId);
      List<BreakerRecord> found = list(p);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  private static List<BreakerRecord> list(PreparedStatement p) throws SQLException {
    List<BreakerRecord> out = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        out.add(
            new BreakerRecord(
                rs.getString("mission"),
                rs.getLong("installation_id"),
                BreakerState.valueOf(rs.getString("state")),
                rs.getInt("consecutive_failures"),
                Optional.ofNullable(rs.getString("opened_at")).map(Timestamps::parse)));
      }
    }
    return out;
  }
}
