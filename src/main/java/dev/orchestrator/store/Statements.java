package dev.orchestrator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements kept for the life of one connection, by SQL text: the group commit runs the
 * same few statements thousands of times a second, and compiling each one anew cost more than
 * running it. Used by one thread at a time; statements it hands out must not be closed by callers.
 */
final class Statements implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> bySql = new HashMap<>();

  Statements(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  /** The statement for {@code sql}, compiled on first use; its parameters are the caller's. */
  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement p = bySql.get(sql);
    if (p == null) {
      p = connection.prepareStatement(sql);
      bySql.put(sql, p);
    }
    return p;
  }

  @Override
  public void close() {
    for (PreparedStatement p : bySql.values()) {
      try {
        p.close();
      } catch (SQLException e) {
        // closing: nothing left to protect
      }
    }
    bySql.clear();
  }
}
