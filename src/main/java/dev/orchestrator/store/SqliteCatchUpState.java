package dev.orchestrator.store;

import dev.orchestrator.webhook.CatchUpState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** {@link CatchUpState} on {@code catchup_mark} (one row) and {@code catchup_requests}. */
public final class SqliteCatchUpState implements CatchUpState {
  private final Database db;

  public SqliteCatchUpState(Database db) {
    this.db = db;
  }

  @Override
  public Optional<HighWaterMark> mark() {
    return db.read(
        c -> {
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT delivery_id, delivered_at, scanned_at FROM catchup_mark WHERE id = 1");
              ResultSet rs = p.executeQuery()) {
            return rs.next()
                ? Optional.of(
                    new HighWaterMark(
                        rs.getLong(1),
                        Timestamps.parse(rs.getString(2)),
                        Timestamps.parse(rs.getString(3))))
                : Optional.<HighWaterMark>empty();
          }
        });
  }

  @Override
  public void completed(HighWaterMark mark, Instant forgetBefore) {
    db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO catchup_mark(id, delivery_id, delivered_at, scanned_at)"
                      + " VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
                      + " delivery_id = excluded.delivery_id,"
                      + " delivered_at = excluded.delivered_at,"
                      + " scanned_at = excluded.scanned_at")) {
            p.setLong(1, mark.deliveryId());
            p.setString(2, Timestamps.format(mark.deliveredAt()));
            p.setString(3, Timestamps.format(mark.scannedAt()));
            p.executeUpdate();
          }
          try (PreparedStatement p =
              c.prepareStatement("DELETE FROM catchup_requests WHERE requested_at < ?")) {
            p.setString(1, Timestamps.format(forgetBefore));
            p.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public int requests(String guid) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT COUNT(*) FROM catchup_requests WHERE guid = ?")) {
            p.setString(1, guid);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? rs.getInt(1) : 0;
            }
          }
        });
  }

  @Override
  public void requested(String guid, Instant at) {
    db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO catchup_requests(guid, requested_at) VALUES (?, ?)")) {
            p.setString(1, guid);
            p.setString(2, Timestamps.format(at));
            p.executeUpdate();
          }
          return null;
        });
  }
}
