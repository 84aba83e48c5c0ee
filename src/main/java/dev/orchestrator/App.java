package dev.orchestrator;

import dev.orchestrator.config.Settings;
import dev.orchestrator.health.HealthService;
import dev.orchestrator.health.RunStatsSource;
import dev.orchestrator.runtime.MissionBreaker;
import dev.orchestrator.runtime.RunStore;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.Pruner;
import dev.orchestrator.store.SqliteBreakerStore;
import dev.orchestrator.store.SqliteRunStats;
import dev.orchestrator.store.SqliteRunStore;
import java.time.Clock;
import java.util.Optional;

/**
 * The composition root: builds every service from {@link Settings} on first use and closes them.
 * Nothing else wires concrete classes together.
 */
public final class App implements AutoCloseable {
  private final Settings settings;
  private final Clock clock;
  private Database database;

  public App(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public Settings settings() {
    return settings;
  }

  public Clock clock() {
    return clock;
  }

  /** The database, opened and migrated on first use. */
  public synchronized Database database() {
    if (database == null) {
      database = Database.open(settings.store().databaseUrl());
    }
    return database;
  }

  public RunStore runs() {
    return new SqliteRunStore(database());
  }

  public RunStatsSource runStats() {
    return new SqliteRunStats(database());
  }

  /** Prunes old transcripts, payloads and deliveries; the server calls it daily with RETENTION. */
  public Pruner pruner() {
    return new Pruner(database(), clock);
  }

  public MissionBreaker breaker() {
    return new MissionBreaker(new SqliteBreakerStore(database()), clock);
  }

  /**
   * Health over the store. The queue's capacity is the total one, since the queue size counts every
   * QUEUED run. Rate-limit and budget figures are unknown until the GitHub transport and the model
   * budget exist.
   */
  public HealthService health() {
    MissionBreaker breaker = breaker();
    return new HealthService(
        runStats(),
        breaker::listOpen,
        settings.queue().capacityTotal(),
        Optional::empty,
        Optional::empty,
        clock);
  }

  @Override
  public synchronized void close() {
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
