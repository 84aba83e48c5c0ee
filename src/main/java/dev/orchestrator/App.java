package dev.orchestrator;

import dev.orchestrator.config.Settings;
import dev.orchestrator.health.HealthService;
import dev.orchestrator.health.RunCounts;
import dev.orchestrator.health.RunStatsSource;
import dev.orchestrator.runtime.MissionBreaker;
import dev.orchestrator.runtime.MissionRunner;
import dev.orchestrator.runtime.RunExecutor;
import dev.orchestrator.runtime.RunMetrics;
import dev.orchestrator.runtime.RunStore;
import dev.orchestrator.runtime.TranscriptStore;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.SqliteBreakerStore;
import dev.orchestrator.store.SqliteDeliveryReports;
import dev.orchestrator.store.SqliteRunCounts;
import dev.orchestrator.store.SqliteRunStats;
import dev.orchestrator.store.SqliteRunStore;
import dev.orchestrator.store.SqliteTranscriptStore;
import dev.orchestrator.tool.ToolRegistry;
import dev.orchestrator.webhook.DeliveryReports;
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
  private ToolRegistry tools;

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

  /** Current run counts, for {@code /metrics}. */
  public RunCounts runCounts() {
    return new SqliteRunCounts(database());
  }

  public RunStatsSource runStats() {
    return new SqliteRunStats(database());
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

  /** What became of received deliveries ({@code agent receive --wait}). */
  public DeliveryReports deliveryReports() {
    return new SqliteDeliveryReports(database());
  }

  public TranscriptStore transcripts() {
    return new SqliteTranscriptStore(database());
  }

  /** Tools, validator and runner: shared by local runs and workers. */
  public synchronized ToolRegistry tools() {
    if (tools == null) {
      tools = ToolRegistry.standard();
    }
    return tools;
  }

  public RunExecutor executor() {
    return executor(RunMetrics.NONE);
  }

  /** An executor that reports each finished run to {@code metrics} (the server's workers). */
  public RunExecutor executor(RunMetrics metrics) {
    return new RunExecutor(
        runs(), transcripts(), breaker(), new MissionRunner(tools(), clock), clock, metrics);
  }

  @Override
  public synchronized void close() {
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
