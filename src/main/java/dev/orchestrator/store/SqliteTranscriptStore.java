package dev.orchestrator.store;

import dev.orchestrator.runtime.TranscriptStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** {@link TranscriptStore} on the {@code transcripts} table. */
public final class SqliteTranscriptStore implements TranscriptStore {
  private final Database db;

  public SqliteTranscriptStore(Database db) {
    this.db = db;
  }

  @Override
  public void save(long runId, String json, Instant now) {
    db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO transcripts(run_id, body, updated_at) VALUES (?,?,?)"
                      + " ON CONFLICT(run_id) DO UPDATE SET body = excluded.body,"
                      + " updated_at = excluded.updated_at")) {
            p.setLong(1, runId);
            p.setString(2, json);
            p.setString(3, Timestamps.format(now));
            p.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<String> find(long runId) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT body FROM transcripts WHERE run_id = ?")) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }
}
