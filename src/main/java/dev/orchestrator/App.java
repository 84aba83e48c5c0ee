package dev.orchestrator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.config.Settings;
import dev.orchestrator.github.GitHubAccess;
import dev.orchestrator.github.Waiter;
import dev.orchestrator.health.HealthContext;
import dev.orchestrator.health.HealthReport;
import dev.orchestrator.health.HealthService;
import dev.orchestrator.health.RunCounts;
import dev.orchestrator.health.RunStatsSource;
import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.MissionCatalog;
import dev.orchestrator.mission.MissionLoader;
import dev.orchestrator.planner.ChatClient;
import dev.orchestrator.planner.LlmPlannerFactory;
import dev.orchestrator.planner.ModelConfig;
import dev.orchestrator.planner.Planners;
import dev.orchestrator.planner.PriceTable;
import dev.orchestrator.planner.SpendLedger;
import dev.orchestrator.queue.MissionQueue;
import dev.orchestrator.report.HealthSummary;
import dev.orchestrator.runtime.Approvals;
import dev.orchestrator.runtime.MissionBreaker;
import dev.orchestrator.runtime.MissionRunner;
import dev.orchestrator.runtime.RunExecutor;
import dev.orchestrator.runtime.RunLinkStore;
import dev.orchestrator.runtime.RunMetrics;
import dev.orchestrator.runtime.RunStore;
import dev.orchestrator.runtime.TranscriptStore;
import dev.orchestrator.schedule.SlotStore;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.Pruner;
import dev.orchestrator.store.SqliteBreakerStore;
import dev.orchestrator.store.SqliteDeliveryReports;
import dev.orchestrator.store.SqliteMissionQueue;
import dev.orchestrator.store.SqliteRunCounts;
import dev.orchestrator.store.SqliteRunLinkStore;
import dev.orchestrator.store.SqliteRunStats;
import dev.orchestrator.store.SqliteRunStore;
import dev.orchestrator.store.SqliteSlotStore;
import dev.orchestrator.store.SqliteSpendLedger;
import dev.orchestrator.store.SqliteTranscriptStore;
import dev.orchestrator.tool.HealthPort;
import dev.orchestrator.tool.ToolRegistry;
import dev.orchestrator.webhook.DeliveryReports;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The composition root: builds every service from {@link Settings} on first use and closes them.
 * Nothing else wires concrete classes together.
 */
public final class App implements AutoCloseable {
  private final Settings settings;
  private final Clock clock;
  private final Path dotEnv;
  private final Intervals intervals;
  private Database database;
  private ToolRegistry tools;
  private GitHubAccess.Opened github;
  private Planners.LlmFactory llm;

  public App(Settings settings, Clock clock) {
    this(settings, clock, Path.of(".env"));
  }

  /** An application whose settings were read with {@code dotEnv}, where setup writes too. */
  public App(Settings settings, Clock clock, Path dotEnv) {
    this(settings, clock, dotEnv, Intervals.DEFAULTS);
  }

  /** The same, with the server's fixed intervals {@code intervals} (tests shorten them). */
  public App(Settings settings, Clock clock, Path dotEnv, Intervals intervals) {
    this.settings = settings;
    this.clock = clock;
    this.dotEnv = dotEnv;
    this.intervals = intervals;
  }

  /** The server's ticks and GitHub's write spacing. */
  public Intervals intervals() {
    return intervals;
  }

  /** The {@code .env} file the settings were read with; setup mode writes the App's there. */
  public Path dotEnv() {
    return dotEnv;
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
      database = Database.open(settings.store().databaseUrl(), settings.store().busyTimeout());
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

  /** Prunes old transcripts, payloads and deliveries; the server calls it daily with RETENTION. */
  public Pruner pruner() {
    return new Pruner(database(), clock);
  }

  public MissionBreaker breaker() {
    return new MissionBreaker(new SqliteBreakerStore(database()), clock);
  }

  /**
   * Health over the store. The queue's capacity is the total one, since the queue size counts every
   * QUEUED run. The rate limit is what this process's GitHub transport has seen (the server's own,
   * through {@code /api/status}); the daily model budget is not summarised here yet.
   */
  public HealthService health() {
    MissionBreaker breaker = breaker();
    return new HealthService(
        runStats(),
        breaker::listOpen,
        settings.queue().capacityTotal(),
        this::rateLimit,
        Optional::empty,
        clock);
  }

  /** Hands a dispatched delivery to the dispatcher again ({@code agent redispatch}). */
  public dev.orchestrator.store.DeliveryRedispatch.Result redispatch(String deliveryId) {
    return dev.orchestrator.store.DeliveryRedispatch.run(database(), deliveryId);
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
    return executor(RunMetrics.NONE);
  }

  /** An executor that reports each finished run to {@code metrics} (the server's workers). */
  public RunExecutor executor(RunMetrics metrics) {
    return new RunExecutor(
        runs(), transcripts(), breaker(), new MissionRunner(tools(), clock), clock, metrics);
  }

  /**
   * GitHub, opened on first use from the credentials in settings and kept: it owns the installation
   * tokens, the rate-limit state, the ETag cache and the per-installation breakers, so every caller
   * must share this one.
   */
  public synchronized GitHubAccess.Opened github() {
    if (github == null) {
      github = GitHubAccess.open(settings.github(), clock, intervals.governor());
    }
    return github;
  }

  public MissionQueue queue() {
    return sqliteQueue();
  }

  private SqliteMissionQueue sqliteQueue() {
    return new SqliteMissionQueue(
        database(), settings.queue().capacityPerInstallation(), settings.queue().capacityTotal());
  }

  /** Schedule slots, taken by {@code takenBy} ({@code serve} or {@code run-due}). */
  public SlotStore slots(String takenBy) {
    return new SqliteSlotStore(database(), sqliteQueue(), takenBy);
  }

  public RunLinkStore links() {
    return new SqliteRunLinkStore(database());
  }

  public Approvals approvals() {
    return new Approvals(runs(), transcripts(), clock);
  }

  /** The global missions of {@code MISSIONS_DIR}; a missing directory is an empty catalog. */
  public LoadResult missions() {
    if (!java.nio.file.Files.isDirectory(settings.missionsDir())) {
      return new LoadResult.Loaded(MissionCatalog.empty());
    }
    return MissionLoader.global().loadDirectory(settings.missionsDir());
  }

  /** The {@code get_health} tool's view of health: level and the markdown summary. */
  public HealthPort healthPort() {
    return lookback -> {
      HealthReport r = health().report(lookback);
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      out.put("level", r.level().name());
      out.put("summary", HealthSummary.markdown(r, "last " + lookback.toHours() + "h"));
      r.successRate().ifPresent(v -> out.put("success_rate", v));
      out.put("failures", r.failures());
      return out;
    };
  }

  /**
   * GitHub's {@code core} budget where it is lowest (the installation nearest its limit, among
   * windows not yet reset), for the health report's {@code rate_limit}; empty without credentials
   * or before a response has reported one. Only this process's requests are known, so a process
   * that has not opened GitHub yet (the command line's {@code agent status}) knows none, and does
   * not open it to find that out: opening builds an HTTPS client whose selector thread alone holds
   * the JVM's exit back by 300 ms.
   */
  public Optional<HealthContext.RateLimit> rateLimit() {
    GitHubAccess.Opened opened;
    synchronized (this) {
      opened = github;
    }
    if (!(opened instanceof GitHubAccess.Opened.Ready ready)) {
      return Optional.empty();
    }
    return ready
        .access()
        .rateLimits()
        .lowest("core")
        .map(s -> new HealthContext.RateLimit(s.remaining(), s.limit(), Optional.of(s.resetAt())));
  }

  @Override
  public synchronized void close() {
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
