package dev.orchestrator.store;

import dev.orchestrator.runtime.RunLinkStore;
import dev.orchestrator.runtime.RunLinks;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link RunLinkStore} on the {@code run_links} table. */
public final class SqliteRunLinkStore implements RunLinkStore {
  private final Database db;

  public SqliteRunLinkStore(Database db) {
    this.db = db;
  }

  @Override
  public void save(RunLinks l) {
    db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO run_links(run_id, delivery_id, comment_id, eyes_reaction_id,"
                      + " status_comment_id, check_run_id, check_run_name, rocket_reaction_id)"
                      + " VALUES (?,?,?,?,?,?,?,?)")) {
            p.setLong(1, l.runId());
            SqliteRunStore.setText(p, 2, l.deliveryId());
            setLong(p, 3, l.commentId());
            setLong(p, 4, l.eyesReactionId());
            setLong(p, 5, l.statusCommentId());
            setLong(p, 6, l.checkRunId());
            SqliteRunStore.setText(p, 7, l.checkRunName());
            setLong(p, 8, l.rocketReactionId());
            p.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<RunLinks> find(long runId) {
    List<RunLinks> found = query("SELECT * FROM run_links WHERE run_id = ?", runId);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<RunLinks> byComment(long commentId) {
    return query("SELECT * FROM run_links WHERE comment_id = ? ORDER BY run_id", commentId);
  }

  private List<RunLinks> query(String sql, long arg) {
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, arg);
            List<RunLinks> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new RunLinks(
                        rs.getLong("run_id"),
                        Optional.ofNullable(rs.getString("delivery_id")),
                        longOf(rs, "comment_id"),
                        longOf(rs, "eyes_reaction_id"),
                        longOf(rs, "status_comment_id"),
                        longOf(rs, "check_run_id"),
                        Optional.ofNullable(rs.getString("check_run_name")),
                        longOf(rs, "rocket_reaction_id")));
              }
            }
            return out;
          }
        });
  }

  private static Optional<Long> longOf(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }

  private static void setLong(PreparedStatement p, int i, Optional<Long> v) throws SQLException {
    if (v.isPresent()) {
      p.setLong(i, v.get());
    } else {
      p.setNull(i, Types.INTEGER);
    }
  }
}
