package dev.orchestrator;

import dev.orchestrator.config.Settings;
import dev.orchestrator.github.Waiter;
import dev.orchestrator.health.HealthService;
import dev.orchestrator.health.RunStatsSource;
import dev.orchestrator.planner.ChatClient;
import dev.orchestrator.planner.LlmPlannerFactory;
import dev.orchestrator.planner.ModelConfig;
import dev.orchestrator.planner.Planners;
import dev.orchestrator.planner.PriceTable;
import dev.orchestrator.planner.SpendLedger;
import dev.orchestrator.runtime.MissionBreaker;
import dev.orchestrator.runtime.MissionRunner;
import dev.orchestrator.runtime.RunExecutor;
import dev.orchestrator.runtime.RunStore;
import dev.orchestrator.runtime.TranscriptStore;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.SqliteBreakerStore;
import dev.orchestrator.store.SqliteRunStats;
import dev.orchestrator.store.SqliteRunStore;
import dev.orchestrator.store.SqliteSpendLedger;
import dev.orchestrator.store.SqliteTranscriptStore;
import dev.orchestrator.tool.ToolRegistry;
import java.math.BigDecimal;
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
  private Planners.LlmFactory llm;

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

  /** What model calls have cost, per installation and day. */
  public SpendLedger spendLedger() {
    return new SqliteSpendLedger(database());
  }

  /**
   * The LLM planners of llm runs: {@link Planners#NO_MODEL} (runs fail at once, saying what to set)
   * unless {@code LLM_BASE_URL} and {@code LLM_MODEL} are set. One model client, with its own
   * breaker, serves every run of the process. The key is {@code LLM_API_KEY}, never a GitHub
   * credential.
   */
  public synchronized Planners.LlmFactory llmFactory() {
    if (llm == null) {
      Settings.Llm s = settings.llm();
      if (s.baseUrl().isEmpty() || s.model().isEmpty()) {
        llm = Planners.NO_MODEL;
      } else {
        ModelConfig config =
            ModelConfig.of(
                s.baseUrl().get(),
                s.apiKey(),
                s.model().get(),
                s.completionCapParam(),
                s.completionCap(),
                s.requestTimeout());
        Waiter waiter = Waiter.parking(clock);
        llm =
            new LlmPlannerFactory(
                ChatClient.create(config, clock, waiter::awaitUntil),
                s.prices().map(PriceTable::file).orElseGet(PriceTable::shipped),
                tools(),
                spendLedger(),
                BigDecimal.valueOf(s.dailyBudgetUsd()),
                clock);
      }
    }
    return llm;
  }

  public RunExecutor executor() {
    return new RunExecutor(
        runs(), transcripts(), breaker(), new MissionRunner(tools(), clock), clock);
  }

  @Override
  public synchronized void close() {
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
