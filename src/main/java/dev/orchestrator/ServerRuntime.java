package dev.orchestrator;

import dev.orchestrator.config.Secret;
import dev.orchestrator.config.Settings;
import dev.orchestrator.report.StatusJson;
import dev.orchestrator.server.MetricsSources;
import dev.orchestrator.server.PrometheusMetrics;
import dev.orchestrator.server.StartupRules;
import dev.orchestrator.server.WebServer;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.ServerLock;
import dev.orchestrator.store.SqliteDeliveryStore;
import dev.orchestrator.webhook.DeliveryHandler;
import dev.orchestrator.webhook.Dispatcher;
import dev.orchestrator.webhook.Intake;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
  private Dispatcher dispatcher;
  private WebServer web;
  private PrometheusMetrics metrics;
  private volatile boolean stopping;

  private ServerRuntime(App app, StartupRules.Decision decision, DeliveryHandler handler) {
    this.app = app;
    this.decision = decision;
    this.handler = handler;
  }

  /** Starts the server; throws with a clear message when the start-up rules refuse. */
  public static ServerRuntime start(App app) {
    return start(app, DeliveryHandler.ignoreAll());
  }

  /** Starts the server with {@code handler} turning deliveries into work. */
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
    Database db = app.database();
    lock = ServerLock.acquire(db.file());
    // Requests wait on every commit: no commit of theirs may also carry a checkpoint.
    db.checkpointInBackground();
    deliveries = new SqliteDeliveryStore(db);
    dispatcher = new Dispatcher(deliveries, handler, app.clock());
    dispatcher.start();
    List<Secret> secrets = new ArrayList<>();
    s.github().webhookSecret().ifPresent(secrets::add);
    s.github().webhookSecretPrevious().ifPresent(secrets::add);
    metrics =
        new PrometheusMetrics(
            new MetricsSources(
                app.runCounts(),
                app.breaker()::listOpen,
                // The server opens no GitHub access yet; when it does, pass its
                // rateLimits().all().values() here and install metrics with observeRequests.
                List::of));
    Intake intake = new Intake(secrets, deliveries, app.clock(), d -> dispatcher.wake(), metrics);
    web =
        WebServer.start(
            s.server().host(),
            s.server().port(),
            s.apiToken(),
            new WebServer.Routes(intake, this::readinessProblems, this::status, metrics));
    WebServer.startupWarning(s.server().host(), s.apiToken()).ifPresent(LOG::warn);
    if (decision instanceof StartupRules.Decision.Setup) {
      LOG.warn(
          "setup mode: no GitHub credentials, so webhooks are answered 401; open"
              + " http://127.0.0.1:{}/setup to register the App, or set APP_ID and"
              + " PRIVATE_KEY_PATH (or GITHUB_TOKEN) and WEBHOOK_SECRET",
          web.port());
    }
    LOG.info("sqlite pragmas: {} (checkpoints: background thread)", pragmas(db));
    LOG.info(
        "listening on {}:{} (database \"{}\", mode {})",
        s.server().host(),
        web.port(),
        db.file(),
        s.github().mode());
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
    if (dispatcher == null || !dispatcher.isRunning()) {
      problems.add("the dispatcher is not running");
    }
    try {
      app.database().write(c -> null);
    } catch (RuntimeException e) {
      problems.add("the database is not writable: " + e.getMessage());
    }
    return problems;
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
    if (web != null) {
      web.close();
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
