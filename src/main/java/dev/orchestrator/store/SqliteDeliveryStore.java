package dev.orchestrator.store;

import dev.orchestrator.webhook.Delivery;
import dev.orchestrator.webhook.DeliveryStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link DeliveryStore} on the {@code deliveries} table, with group commit for the intake. */
public final class SqliteDeliveryStore implements DeliveryStore, AutoCloseable {
  private final Database db;
  private final GroupCommit<Delivery, Boolean> inserts;

  public SqliteDeliveryStore(Database db) {
    this.db = db;
    this.inserts = new GroupCommit<>(db, "delivery-commit", SqliteDeliveryStore::insert);
  }

  @Override
  public boolean store(Delivery d) {
    return inserts.submit(d);
  }

  private static boolean insert(Connection c, Delivery d) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO deliveries(delivery_id, event, action, installation_id, repository,"
                + " hook_id, payload, received_at) VALUES (?,?,?,?,?,?,?,?)"
                + " ON CONFLICT(delivery_id) DO NOTHING")) {
      p.setString(1, d.id());
      p.setString(2, d.event());
      SqliteRunStore.setText(p, 3, d.action());
      if (d.installationId().isPresent()) {
        p.setLong(4, d.installationId().get());
      } else {
        p.setNull(4, Types.INTEGER);
      }
      SqliteRunStore.setText(p, 5, d.repository());
      SqliteRunStore.setText(p, 6, d.hookId());
      p.setString(7, d.payload());
      p.setString(8, Timestamps.format(d.receivedAt()));
      return p.executeUpdate() == 1;
    }
  }

  @Override
  public boolean contains(String deliveryId) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT 1 FROM deliveries WHERE delivery_id = ?")) {
            p.setString(1, deliveryId);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  @Override
  public List<StoredDelivery> pending(int limit) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT * FROM deliveries WHERE dispatched_at IS NULL ORDER BY seq LIMIT ?")) {
            p.setInt(1, limit);
            List<StoredDelivery> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(row(rs));
              }
            }
            return out;
          }
        });
  }

  /** A delivery by GitHub's id, with its dispatch state. */
  public Optional<StoredDelivery> find(String deliveryId) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT * FROM deliveries WHERE delivery_id = ?")) {
            p.setString(1, deliveryId);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? Optional.of(row(rs)) : Optional.<StoredDelivery>empty();
            }
          }
        });
  }

  @Override
  public void markDispatched(List<Dispatched> dispatched) {
    if (dispatched.isEmpty()) {
      return;
    }
    db.write(
        c -> {
          try (PreparedStatement mark =
                  c.prepareStatement(
                      "UPDATE deliveries SET dispatched_at = ?, outcome = ?, reason = ?,"
                          + " dispatch_count = dispatch_count + 1 WHERE seq = ?");
              PreparedStatement run =
                  c.prepareStatement(
                      "INSERT INTO delivery_runs(delivery_id, run_id)"
                          + " SELECT delivery_id, ? FROM deliveries WHERE seq = ?"
                          + " ON CONFLICT DO NOTHING")) {
            for (Dispatched d : dispatched) {
              mark.setString(1, Timestamps.format(d.at()));
              mark.setString(2, d.outcome().outcome());
              mark.setString(3, d.outcome().reason());
              mark.setLong(4, d.seq());
              mark.executeUpdate();
              for (long runId : d.outcome().runIds()) {
                run.setLong(1, runId);
                run.setLong(2, d.seq());
                run.executeUpdate();
              }
            }
          }
          return null;
        });
  }

  private static StoredDelivery row(ResultSet rs) throws SQLException {
    long inst = rs.getLong("installation_id");
    Optional<Long> installation = rs.wasNull() ? Optional.empty() : Optional.of(inst);
    Delivery d =
        new Delivery(
            rs.getString("delivery_id"),
            rs.getString("event"),
            Optional.ofNullable(rs.getString("action")),
            installation,
            Optional.ofNullable(rs.getString("repository")),
            Optional.ofNullable(rs.getString("hook_id")),
            Optional.ofNullable(rs.getString("payload")).orElse("{}"),
            Timestamps.parse(rs.getString("received_at")));
    return new StoredDelivery(
        rs.getLong("seq"),
        d,
        Optional.ofNullable(rs.getString("outcome")),
        Optional.ofNullable(rs.getString("reason")));
  }

  @Override
  public void close() {
    inserts.close();
  }
}
