package dev.orchestrator.testing;

import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;

/**
 * A run row written straight into {@code runs}, with whatever times a test needs (the store's own
 * API stamps times from its clock, and statistics tests need runs spread over days).
 */
public final class FixtureRun {
  private final String mission;
  private final RunStatus status;
  private Instant finishedAt;
  private Double duration;
  private long tokens;
  private double cost;
  private boolean dryRun;
  private String repository = "octo/repo";
  private String trigger = "event";
  private long installationId;

  private FixtureRun(String mission, RunStatus status) {
    this.mission = mission;
    this.status = status;
  }

  public static FixtureRun of(String mission, RunStatus status) {
    return new FixtureRun(mission, status);
  }

  /** Finished at {@code at}, having run for {@code seconds}. */
  public FixtureRun finished(Instant at, double seconds) {
    this.finishedAt = at;
    this.duration = seconds;
    return this;
  }

  /** Finished at {@code at} without ever starting (e.g. cancelled while queued). */
  public FixtureRun finishedUnstarted(Instant at) {
    this.finishedAt = at;
    this.duration = null;
    return this;
  }

  public FixtureRun cost(long tokens, double usd) {
    this.tokens = tokens;
    this.cost = usd;
    return this;
  }

  public FixtureRun dryRun() {
    this.dryRun = true;
    return this;
  }

  public FixtureRun repository(String repository) {
    this.repository = repository;
    return this;
  }

  public FixtureRun trigger(String trigger) {
    this.trigger = trigger;
    return this;
  }

  public FixtureRun installation(long id) {
    this.installationId = id;
    return this;
  }

  /** Inserts the row; returns its id. Unfinished runs were created an hour before {@code now}. */
  public long insert(Database db, Instant now) {
    Instant end = finishedAt != null ? finishedAt : now;
    Instant started =
        duration != null ? end.minusMillis(Math.round(duration * 1000)) : end.minusSeconds(60);
    Instant created = started.minus(Duration.ofSeconds(5));
    return db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO runs(mission, planner, installation_id, repository, trigger,"
                      + " status, dry_run, created_at, started_at, finished_at, duration,"
                      + " token_usage, cost_usd, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            boolean ran = status != RunStatus.QUEUED && (finishedAt == null || duration != null);
            p.setString(1, mission);
            p.setString(2, "deterministic");
            p.setLong(3, installationId);
            p.setString(4, repository);
            p.setString(5, trigger);
            p.setString(6, status.name());
            p.setInt(7, dryRun ? 1 : 0);
            p.setString(8, Timestamps.format(created));
            p.setString(9, ran ? Timestamps.format(started) : null);
            p.setString(10, Timestamps.format(finishedAt));
            if (duration != null) {
              p.setDouble(11, duration);
            } else {
              p.setNull(11, Types.REAL);
            }
            p.setLong(12, tokens);
            p.setDouble(13, cost);
            p.setString(14, Timestamps.format(end));
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
              keys.next();
              return keys.getLong(1);
            }
          }
        });
  }
}
