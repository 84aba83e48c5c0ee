package dev.orchestrator;

import dev.orchestrator.config.Secret;
import dev.orchestrator.config.Settings;
import dev.orchestrator.server.StartupRules;
import dev.orchestrator.server.WebServer;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.ServerLock;
import dev.orchestrator.store.SqliteDeliveryStore;
import dev.orchestrator.webhook.DeliveryHandler;
import dev.orchestrator.webhook.Dispatcher;
import dev.orchestrator.webhook.Intake;
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
  private final CountDownLatch stopped = new CountDownLatch(1);
  private ServerLock lock;
  private SqliteDeliveryStore deliveries;
  private Dispatcher dispatcher;
  private WebServer web;
  private volatile boolean stopping;

  private ServerRuntime(App app, StartupRules.Decision decision) {
    this.app = app;
    this.decision = decision;
  }

  /** Starts the server; throws with a clear message when the start-up rules refuse. */
  public static ServerRuntime start(App app) {
    StartupRules.Decision decision = StartupRules.decide(app.settings());
    if (decision instanceof StartupRules.Decision.Refuse refuse) {
      throw new IllegalStateException(refuse.message());
    }
    ServerRuntime rt = new ServerRuntime(app, decision);
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
    deliveries = new SqliteDeliveryStore(db);
    dispatcher = new Dispatcher(deliveries, DeliveryHandler.ignoreAll(), app.clock());
    dispatcher.start();
    List<Secret> secrets = new ArrayList<>();
    s.github().webhookSecret().ifPresent(secrets::add);
    s.github().webhookSecretPrevious().ifPresent(secrets::add);
    Intake intake = new Intake(secrets, deliveries, app.clock(), d -> dispatcher.wake());
    web = WebServer.start(s.server().host(), s.server().port(), intake, this::readinessProblems);
    if (decision instanceof StartupRules.Decision.Setup) {
      LOG.warn(
          "setup mode: no GitHub credentials, so webhooks are answered 401; open"
              + " http://127.0.0.1:{}/setup to register the App, or set APP_ID and"
              + " PRIVATE_KEY_PATH (or GITHUB_TOKEN) and WEBHOOK_SECRET",
          web.port());
    }
    LOG.info(
        "listening on {}:{} (database \"{}\", mode {})",
        s.server().host(),
        web.port(),
        db.file(),
        s.github().mode());
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
