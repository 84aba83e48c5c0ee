package dev.orchestrator.store;

import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunFinish;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.runtime.RunStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link RunStore} on the {@code runs} table. */
public final class SqliteRunStore implements RunStore {
  // Newest first by id: the primary key read backwards, stopped by the limit, so the cost is the
  // limit whatever the table's size (EXPLAIN says "SCAN runs", but only the first rows are read).
  static final String RECENT = "SELECT * FROM runs ORDER BY id DESC LIMIT ?";
  static final String RECENT_IN_REPOSITORY =
      "SELECT * FROM runs WHERE repository = ? ORDER BY id DESC LIMIT ?";

  private final Database db;

  public SqliteRunStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<Long> create(NewRun run, Instant now) {
    return db.write(c -> insert(c, run, now));
  }

  /** Inserts {@code run} on {@code c}; empty when its idempotency key exists. */
  static Optional<Long> insert(Connection c, NewRun run, Instant now) throws SQLException {
    String sql =
        "INSERT INTO runs(mission, planner, installation_id, repository, issue_number,"
            + " head_sha, trigger, requested_by, idempotency_key, status, priority, dry_run,"
            + " arguments, event, created_at, updated_at, started_at)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT DO NOTHING";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      String ts = Timestamps.format(now);
      p.setString(1, run.mission());
      p.setString(2, run.planner());
      p.setLong(3, run.installationId());
      setText(p, 4, run.repository());
      if (run.issueNumber().isPresent()) {
        p.setInt(5, run.issueNumber().get());
      } else {
        p.setNull(5, Types.INTEGER);
      }
      setText(p, 6, run.headSha());
      p.setString(7, run.trigger());
      setText(p, 8, run.requestedBy());
      setText(p, 9, run.idempotencyKey());
      p.setString(10, run.status().name());
      p.setInt(11, run.priority());
      p.setInt(12, run.dryRun() ? 1 : 0);
      p.setString(13, run.argumentsJson());
      setText(p, 14, run.eventJson());
      p.setString(15, ts);
      p.setString(16, ts);
      p.setString(17, run.status() == RunStatus.RUNNING ? ts : null);
      if (p.executeUpdate() == 0) {
        return Optional.empty();
      }
    }
    return Optional.of(lastId(c));
  }

  @Override
  public Optional<RunRecord> find(long id) {
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement("SELECT * FROM runs WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? Optional.of(RunRows.read(rs)) : Optional.<RunRecord>empty();
            }
          }
        });
  }

  @Override
  public List<RunRecord> recent(int limit, Optional<String> repository) {
    return db.read(
        c -> {
          String sql = repository.isPresent() ? RECENT_IN_REPOSITORY : RECENT;
          try (PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            if (repository.isPresent()) {
              p.setString(i++, repository.get());
            }
            p.setInt(i, limit);
            return list(p);
          }
        });
  }

  @Override
  public List<RunRecord> onIssue(String repository, int issue, java.util.Set<RunStatus> statuses) {
    if (statuses.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", java.util.Collections.nCopies(statuses.size(), "?"));
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT * FROM runs WHERE repository = ? AND issue_number = ? AND status IN ("
                      + marks
                      + ") ORDER BY id")) {
            p.setString(1, repository);
            p.setInt(2, issue);
            int i = 3;
            for (RunStatus st : statuses) {
              p.setString(i++, st.name());
            }
            return list(p);
          }
        });
  }

  @Override
  public List<RunRecord> withStatus(RunStatus status, int limit) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT * FROM runs WHERE status = ? ORDER BY id DESC LIMIT ?")) {
            p.setString(1, status.name());
            p.setInt(2, limit);
            return list(p);
          }
        });
  }

  @Override
  public List<RunRecord> list(Optional<RunStatus> status, Optional<String> repository, int limit) {
    // each filter has its index: runs_status (status, priority, id), runs_repository (repository,
    // id); with both, SQLite picks one and filters the other
    StringBuilder sql = new StringBuilder("SELECT * FROM runs");
    List<String> args = new java.util.ArrayList<>();
    status.ifPresent(
        st -> {
          sql.append(" WHERE status = ?");
          args.add(st.name());
        });
    repository.ifPresent(
        r -> {
          sql.append(args.isEmpty() ? " WHERE" : " AND").append(" repository = ?");
          args.add(r);
        });
    sql.append(" ORDER BY id DESC LIMIT ?");
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String a : args) {
              p.setString(i++, a);
            }
            p.setInt(i, limit);
            return list(p);
          }
        });
  }

  @Override
  public void start(long id, Instant now) {
    db.write(
        c -> {
          RunStatus from = currentStatus(c, id);
          from.checkMove(id, RunStatus.RUNNING);
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE runs SET status = 'RUNNING', started_at = COALESCE(started_at, ?),"
                      + " updated_at = ? WHERE id = ?")) {
            String ts = Timestamps.format(now);
            p.setString(1, ts);
            p.setString(2, ts);
            p.setLong(3, id);
            p.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void move(long id, RunStatus to, Instant now) {
    db.write(
        c -> {
          currentStatus(c, id).checkMove(id, to);
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE runs SET status = ?, updated_at = ?,"
                      + " finished_at = CASE WHEN ? THEN ? ELSE finished_at END WHERE id = ?")) {
            String ts = Timestamps.format(now);
            p.setString(1, to.name());
            p.setString(2, ts);
            p.setBoolean(3, to.isTerminal());
            p.setString(4, ts);
            p.setLong(5, id);
            p.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void finish(long id, RunStatus to, RunFinish f, Instant now) {
    db.write(
        c -> {
          RunStatus from = currentStatus(c, id);
          from.checkMove(id, to);
          Optional<Instant> started = startedAt(c, id);
          String ts = Timestamps.format(now);
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE runs SET status = ?, tool_call_count = ?, token_usage = ?, cost_usd = ?,"
                      + " model = COALESCE(?, model), error = ?, error_class = ?, checkpoint = ?,"
                      + " finished_at = ?, duration = ?, updated_at = ? WHERE id = ?")) {
            p.setString(1, to.name());
            p.setInt(2, f.toolCallCount());
            p.setLong(3, f.tokenUsage());
            p.setDouble(4, f.costUsd());
            setText(p, 5, f.model());
            setText(p, 6, f.error());
            setText(p, 7, f.errorClass());
            setText(p, 8, f.checkpointJson());
            if (to.isTerminal()) {
              p.setString(9, ts);
              if (started.isPresent()) {
                p.setDouble(10, Duration.between(started.get(), now).toMillis() / 1000.0);
              } else {
                p.setNull(10, Types.REAL);
              }
            } else {
              p.setNull(9, Types.VARCHAR);
              p.setNull(10, Types.REAL);
            }
            p.setString(11, ts);
            p.setLong(12, id);
            p.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void defer(long id, Instant notBefore, RunFinish f, Instant now) {
    db.write(
        c -> {
          currentStatus(c, id).checkMove(id, RunStatus.QUEUED);
          RunDeferral.write(c, id, notBefore, f, now);
          return null;
        });
  }

  @Override
  public void updateCheckpoint(long id, String json) {
    db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("UPDATE runs SET checkpoint = ? WHERE id = ?")) {
            p.setString(1, json);
            p.setLong(2, id);
            p.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void setDuration(long id, double seconds) {
    db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("UPDATE runs SET duration = ? WHERE id = ?")) {
            p.setDouble(1, seconds);
            p.setLong(2, id);
            p.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public int count(RunStatus status) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT COUNT(*) FROM runs WHERE status = ?")) {
            p.setString(1, status.name());
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? rs.getInt(1) : 0;
            }
          }
        });
  }

  static RunStatus currentStatus(Connection c, long id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT status FROM runs WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new StoreException("run " + id + " does not exist");
        }
        return RunStatus.valueOf(rs.getString(1));
      }
    }
  }

  private static Optional<Instant> startedAt(Connection c, long id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT started_at FROM runs WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next()
            ? Optional.ofNullable(Timestamps.parse(rs.getString(1)))
            : Optional.empty();
      }
    }
  }

  private static List<RunRecord> list(PreparedStatement p) throws SQLException {
    List<RunRecord> out = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        out.add(RunRows.read(rs));
      }
    }
    return out;
  }

  private static long lastId(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT last_insert_rowid()");
        ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void setText(PreparedStatement p, int i, Optional<String> v) throws SQLException {
    if (v.isPresent()) {
      p.setString(i, v.get());
    } else {
      p.setNull(i, Types.VARCHAR);
    }
  }
}
