package dev.orchestrator;

import dev.orchestrator.config.Secret;
import dev.orchestrator.config.Settings;
import dev.orchestrator.github.GitHubAccess;
import dev.orchestrator.github.GitHubMissedDeliveries;
import dev.orchestrator.github.ManifestConversion;
import dev.orchestrator.github.RateLimits;
import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.Problem;
import dev.orchestrator.report.StatusJson;
import dev.orchestrator.server.MetricsSources;
import dev.orchestrator.server.PrometheusMetrics;
import dev.orchestrator.server.StartupRules;
import dev.orchestrator.server.WebServer;
import dev.orchestrator.setup.Manifest;
import dev.orchestrator.setup.SetupFlow;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.ServerLock;
import dev.orchestrator.store.SqliteCatchUpState;
import dev.orchestrator.store.SqliteDeliveryStore;
import dev.orchestrator.webhook.CatchUp;
import dev.orchestrator.webhook.DeliveryHandler;
import dev.orchestrator.webhook.Dispatcher;
import dev.orchestrator.webhook.Intake;
import dev.orchestrator.webhook.ScanReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything {@code serve} runs, started in order and stopped in reverse. */
public final class ServerRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerRuntime.class);

  private final App app;
  private final StartupRules.Decision decision;
  private final DeliveryHandler handler;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private ServerLock lock;
  private SqliteDeliveryStore deliveries;
  private volatile Dispatcher dispatcher;
  private volatile WebServer web;
  private PrometheusMetrics metrics;
  private volatile boolean stopping;
  private volatile boolean restartRequested;
  private volatile ServerWork work; // normal mode only
  private Ticker pruning;
  private Ticker catchUp;

  /** How often the server prunes what is older than {@code RETENTION}. */
  static final Duration PRUNE_EVERY = Duration.ofDays(1);

  /** How often the server looks for deliveries GitHub could not make (also once at start-up). */
  static final Duration CATCH_UP_EVERY = Duration.ofMinutes(10);

  private ServerRuntime(App app, StartupRules.Decision decision, DeliveryHandler handler) {
    this.app = app;
    this.decision = decision;
    this.handler = handler;
  }

  /** Starts the server; throws with a clear message when the start-up rules refuse. */
  public static ServerRuntime start(App app) {
    return start(app, null);
  }

  /**
   * Starts the server with {@code handler} turning deliveries into work instead of the commands,
   * triggers and workers of normal mode ({@code null}: those).
   */
  public static ServerRuntime start(App app, DeliveryHandler handler) {
    StartupRules.Decision decision = StartupRules.decide(app.settings());
    if (decision instanceof StartupRules.Decision.Refuse refuse) {
      throw new IllegalStateException(refuse.message());
    }
    ServerRuntime rt = new ServerRuntime(app, decision, handler);
    try {
      rt.startParts();
    } catch (RuntimeException e) {
      rt.close();
      throw e;
    }
    return rt;
  }

  private void startParts() {
    Settings s = app.settings();
    // the lock before the database: `agent restore` holds it while it swaps the files, and a
    // server must not open (and migrate, and create sidecars of) a file that is being replaced
    lock = ServerLock.acquire(Database.fileOf(s.store().databaseUrl()));
    Database db = app.database();
    metrics =
        new PrometheusMetrics(
            new MetricsSources(app.runCounts(), app.breaker()::listOpen, this::rateLimits));
    // Requests wait on every commit: no commit of theirs may also carry a checkpoint.
    db.checkpointInBackground();
    deliveries = new SqliteDeliveryStore(db);
    // Read before the web server can store anything: the deliveries a crashed process may have
    // half dispatched are these, not the ones this process receives while it starts.
    long storedBefore = deliveries.lastSeq();
    // The web server first: webhooks are stored and answered from the moment it listens, and wait
    // in the store while the dispatch is built (GitHub's client, the missions, the workers: as long
    // again); readiness says "starting" until the dispatcher runs. Built on this thread after it,
    // the dispatch does not compete with the web server's start for the CPU.
    web = startWeb(s);
    Dispatcher d = new Dispatcher(deliveries, handler(), app.clock());
    dispatcher = d; // first: a delivery stored from now on wakes it (it looks when it starts)
    d.start(storedBefore);
    if (work != null) {
      work.start();
    }
    pruning = new Ticker("daily-prune", PRUNE_EVERY, this::prune);
    pruning.start();
    metrics.bindJvmMetrics(); // once it listens: not on the way to the first webhook
    WebServer.startupWarning(s.server().host(), s.apiToken()).ifPresent(LOG::warn);
    // after the web server: the redeliveries it asks for arrive at the webhook route
    startCatchUp();
    if (decision instanceof StartupRules.Decision.Setup) {
      LOG.warn(
          "setup mode: no GitHub credentials, so webhooks are answered 401; open"
              + " http://127.0.0.1:{}/setup on this machine to register the GitHub App{}"
              + " (or set APP_ID and PRIVATE_KEY_PATH, or GITHUB_TOKEN, and WEBHOOK_SECRET, then"
              + " restart)",
          web.port(),
          s.server().publicUrl().isPresent() ? "" : " (set PUBLIC_URL first)");
    }
    LOG.info("sqlite pragmas: {} (checkpoints: background thread)", pragmas(db));
    LOG.info(
        "listening on {}:{} (database \"{}\", mode {})",
        s.server().host(),
        web.port(),
        db.file(),
        s.github().mode());
  }

  /** The web server over the intake, on the configured address. */
  private WebServer startWeb(Settings s) {
    List<Secret> secrets = new ArrayList<>();
    s.github().webhookSecret().ifPresent(secrets::add);
    s.github().webhookSecretPrevious().ifPresent(secrets::add);
    Intake intake = new Intake(secrets, deliveries, app.clock(), d -> wakeDispatcher(), metrics);
    return WebServer.start(
        s.server().host(),
        s.server().port(),
        s.apiToken(),
        new WebServer.Routes(
            intake,
            this::readinessProblems,
            this::status,
            metrics,
            setupFlow()
                .map(
                    flow ->
                        new WebServer.Setup(
                            flow, s.setup().allowRemote(), this::restartAfterSetup))));
  }

  /** A delivery was stored: the dispatcher looks now (before it runs, it looks when it starts). */
  private void wakeDispatcher() {
    Dispatcher d = dispatcher;
    if (d != null) {
      d.wake();
    }
  }

  /**
   * Setup wrote the App's credentials: stop (from another thread, the request that wrote them is
   * still finishing) and let {@code serve} start again, reading them.
   */
  private void restartAfterSetup() {
    restartRequested = true;
    LOG.info("setup: the App is registered; restarting to run in App mode");
    Thread t = new Thread(this::close, "setup-restart");
    t.start();
  }

  /** Whether the server stopped so that {@code serve} starts it again (after setup). */
  public boolean restartRequested() {
    return restartRequested;
  }

  /** The manifest flow, in setup mode only: elsewhere {@code /setup} does not exist. */
  private Optional<SetupFlow> setupFlow() {
    if (!(decision instanceof StartupRules.Decision.Setup)) {
      return Optional.empty();
    }
    Settings s = app.settings();
    return Optional.of(
        new SetupFlow(
            new SetupFlow.Config(
                s.server().publicUrl(),
                s.github().webUrl(),
                s.setup().organization(),
                Path.of(Manifest.FILE),
                app.dotEnv(),
                s.github().webhookSecret().isPresent()),
            new ManifestConversion(s.github().apiUrl()),
            app.clock()));
  }

  /**
   * The dispatch in normal mode (or the handler the server was started with); in setup mode nothing
   * is verified, so nothing is dispatched.
   */
  private DeliveryHandler handler() {
    if (handler != null) {
      return handler;
    }
    if (!(decision instanceof StartupRules.Decision.Normal)) {
      return DeliveryHandler.ignoreAll();
    }
    GitHubAccess.Opened opened = app.github();
    if (opened instanceof GitHubAccess.Opened.Invalid invalid) {
      throw new IllegalStateException(invalid.message());
    }
    LoadResult missions = app.missions();
    if (!missions.isValid()) {
      throw new IllegalStateException(
          "the missions in \""
              + app.settings().missionsDir()
              + "\" are invalid (run `agent validate`):\n  "
              + String.join("\n  ", missions.problems().stream().map(Problem::render).toList()));
    }
    work = new ServerWork(app, ((GitHubAccess.Opened.Ready) opened).access(), missions, metrics);
    return work.router();
  }

  /**
   * Starts the catch-up of missed deliveries: at once, then every {@link #CATCH_UP_EVERY}. Only in
   * App mode: the delivery log needs the App's JWT, which token mode does not have.
   */
  private void startCatchUp() {
    if (!(decision instanceof StartupRules.Decision.Normal)) {
      return;
    }
    if (app.settings().github().mode() != Settings.Mode.APP) {
      LOG.info(
          "delivery catch-up is off: it needs App mode (APP_ID and PRIVATE_KEY_PATH) to read"
              + " GitHub's delivery log, so deliveries missed while the server was down are not"
              + " recovered");
      return;
    }
    if (!(app.github() instanceof GitHubAccess.Opened.Ready ready)) {
      return; // handler() already refused to start with invalid credentials
    }
    CatchUp scans =
        new CatchUp(
            new GitHubMissedDeliveries(ready.access().gateway()),
            deliveries::contains,
            new SqliteCatchUpState(app.database()),
            metrics,
            app.clock());
    catchUp =
        new Ticker(
            "delivery-catch-up",
            CATCH_UP_EVERY,
            () -> {
              ScanReport report = scans.scan();
              if (report.completed()) {
                LOG.info(report.describe());
              } else {
                LOG.warn(report.describe());
              }
            });
    catchUp.start();
  }

  /**
   * Prunes past {@code RETENTION}: once at start-up, then daily; a failure is logged and retried.
   */
  private void prune() {
    LOG.info(
        "pruned what is older than {}: {}",
        app.settings().retention(),
        app.pruner().prune(app.settings().retention()).summary());
  }

  private String status(long lookbackHours) {
    return StatusJson.render(app.health().report(Duration.ofHours(lookbackHours)), lookbackHours);
  }

  private static String pragmas(Database db) {
    StringBuilder b = new StringBuilder();
    db.pragmas()
        .forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
    return b.toString();
  }

  /** GitHub's rate-limit figures as last reported, per lane and resource (none in setup mode). */
  private Collection<RateLimits.Snapshot> rateLimits() {
    if (decision instanceof StartupRules.Decision.Normal
        && app.github() instanceof GitHubAccess.Opened.Ready ready) {
      return ready.access().rateLimits().all().values();
    }
    return List.of();
  }

  /** The metrics, for the parts that report to them (the workers' executor). */
  public PrometheusMetrics metrics() {
    return metrics;
  }

  private List<String> readinessProblems() {
    List<String> problems = new ArrayList<>();
    if (stopping) {
      problems.add("shutting down");
      return problems;
    }
    Dispatcher d = dispatcher;
    if (d == null) {
      problems.add("starting: the dispatcher is not running yet");
    } else if (!d.isRunning()) {
      problems.add("the dispatcher is not running");
    }
    ServerWork w = work;
    if (w != null && !w.workersRunning()) {
      problems.add("the workers are not running");
    }
    try {
      app.database().write(c -> null);
    } catch (RuntimeException e) {
      problems.add("the database is not writable: " + e.getMessage());
    }
    return problems;
  }

  /** How many times the workers found no run they may take (0 without workers). */
  public long idleClaims() {
    ServerWork w = work;
    return w == null ? 0 : w.idleClaims();
  }

  /** The port the server listens on. */
  public int port() {
    return web.port();
  }

  /** The delivery store, for commands that read what was received. */
  public SqliteDeliveryStore deliveries() {
    return deliveries;
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  @Override
  public synchronized void close() {
    if (stopping && stopped.getCount() == 0) {
      return;
    }
    stopping = true;
    if (catchUp != null) {
      catchUp.close(); // no new scan asks for redeliveries that the closing server cannot take
    }
    if (web != null) {
      web.close();
    }
    if (pruning != null) {
      pruning.close();
    }
    if (work != null) {
      work.close(); // its tickers, then its workers, within the shutdown grace
    }
    if (metrics != null) {
      metrics.close();
    }
    if (dispatcher != null) {
      dispatcher.close();
    }
    if (deliveries != null) {
      deliveries.close();
    }
    if (lock != null) {
      lock.close();
    }
    app.close();
    stopped.countDown();
    LOG.info("stopped");
  }
}
