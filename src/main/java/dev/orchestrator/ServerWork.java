package dev.orchestrator;

import dev.orchestrator.config.Durations;
import dev.orchestrator.config.Settings;
import dev.orchestrator.dispatch.DecisionEffects;
import dev.orchestrator.dispatch.Dispatching;
import dev.orchestrator.dispatch.Identity;
import dev.orchestrator.dispatch.RepositoryCatalogs;
import dev.orchestrator.feedback.HealthIssueReporter;
import dev.orchestrator.feedback.RunFeedback;
import dev.orchestrator.github.GitHubAccess;
import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.github.GitHubRepositoryPort;
import dev.orchestrator.github.Priority;
import dev.orchestrator.github.Repo;
import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.queue.WorkerPool;
import dev.orchestrator.report.HealthIssueBody;
import dev.orchestrator.report.HealthSummary;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.schedule.Scheduler;
import dev.orchestrator.server.PrometheusMetrics;
import dev.orchestrator.webhook.DeliveryHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve} runs in normal mode behind the intake: the dispatch of deliveries (commands,
 * triggers, approvals), the workers that execute runs, and their tickers (the approval poller, the
 * scheduler, the health report). {@link ServerRuntime} composes it with the web server, the
 * dispatcher thread and the store.
 */
final class ServerWork implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerWork.class);

  /** How long a claimed run is a worker's before another may take it back. */
  static final Duration LEASE = Duration.ofSeconds(60);

  static final int MAX_ATTEMPTS = 3;

  /** The window of the scheduled health report: the same as {@code /agent status}. */
  static final Duration HEALTH_REPORT_WINDOW = Duration.ofHours(24);

  private final App app;
  private final Identity identity = new Identity();
  private final IdentityLookup identityLookup;
  private final DeliveryHandler router;
  private final WorkerPool workers;
  private final Ticker poller;
  private final Ticker scheduler;
  private final Optional<Ticker> healthReport;

  /** Builds the dispatch and the workers over GitHub {@code access} and {@code missions}. */
  ServerWork(App app, GitHubAccess access, LoadResult missions, PrometheusMetrics metrics) {
    this.app = app;
    access.observeRequests(metrics);
    GitHubGateway gateway = access.gateway();
    Settings s = app.settings();
    identityLookup = new IdentityLookup(gateway, identity, s.github().mode());
    RunFeedback feedback =
        new RunFeedback(
            gateway,
            app.runs(),
            app.links(),
            app.transcripts(),
            app.clock(),
            s.approvals().timeout(),
            s.github().webUrl().toString());
    // one cache of every repository's agent.yml and missions, for the dispatcher and the workers
    RepositoryCatalogs catalogs = new RepositoryCatalogs(missions.catalog(), gateway, app.clock());
    Function<RunRecord, Optional<Mission>> missionOfRun =
        run ->
            run.repository().isPresent()
                ? catalogs.missionOf(RunFeedback.repo(run), run.mission())
                : missions.catalog().byName(run.mission());
    DecisionEffects effects =
        runId -> {
          feedback.stopped(runId, List.of(), app.runs().find(runId).flatMap(missionOfRun));
          wake();
        };
    Dispatching.Wired wired =
        Dispatching.wire(
            new Dispatching.Parts(
                gateway,
                catalogs,
                app.queue(),
                app.runs(),
                app.links(),
                app.transcripts(),
                app.health(),
                app.approvals(),
                identity,
                app.clock(),
                this::wake,
                effects,
                s.approvals().pollInitial(),
                s.approvals().pollMax(),
                s.approvals().timeout()));
    router = wired.router();
    RunWorker job =
        new RunWorker(
            missionOfRun,
            app.runs(),
            app.executor(metrics),
            feedback,
            run ->
                new GitHubRepositoryPort(
                    access.gateway(
                        run.trigger().startsWith("command:")
                            ? Priority.INTERACTIVE
                            : Priority.BACKGROUND),
                    RunFeedback.repo(run),
                    run.attempts() > 1),
            app.healthPort(),
            app.llmFactory(),
            app.clock());
    workers =
        new WorkerPool(app.queue(), job, s.queue().workers(), LEASE, MAX_ATTEMPTS, app.clock());
    poller =
        new Ticker("approval-poller", app.intervals().approvalPollTick(), wired.poller()::tick);
    Scheduler schedules =
        new Scheduler(
            missions.catalog(),
            app.slots(Scheduler.TAKER),
            repository -> DueRuns.installationOf(access.gateway(Priority.BACKGROUND), repository),
            app.clock(),
            this::wake);
    scheduler = new Ticker("scheduler", app.intervals().scheduleTick(), schedules::tick);
    healthReport = healthReport(access.gateway(Priority.BACKGROUND));
    identityLookup.start(); // before the first delivery is dispatched, as far as GitHub allows
  }

  /** The dispatcher's handler: commands, triggers, buttons and the events that end runs. */
  DeliveryHandler router() {
    return router;
  }

  /** Starts the workers and the tickers. */
  void start() {
    workers.start();
    poller.start();
    scheduler.start();
    healthReport.ifPresent(Ticker::start);
  }

  /** Tells the workers there is work; they also look on their own every few seconds. */
  void wake() {
    // the dispatch is wired before the workers exist: a decision made meanwhile finds them later
    WorkerPool w = workers;
    if (w != null) {
      w.wake();
    }
  }

  boolean workersRunning() {
    return workers.isRunning();
  }

  /** How many times the workers found no run they may take. */
  long idleClaims() {
    return workers.idleClaims();
  }

  /** The scheduled health report's ticker when {@code HEALTH_REPORT_INTERVAL} is set. */
  private Optional<Ticker> healthReport(GitHubGateway gateway) {
    Settings.HealthIssue config = app.settings().healthIssue();
    if (!config.enabled()) {
      return Optional.empty();
    }
    Duration every = config.interval().orElseThrow();
    HealthIssueReporter reporter =
        new HealthIssueReporter(
            gateway,
            Repo.of(config.repository().orElseThrow()),
            () ->
                HealthSummary.markdown(
                    app.health().report(HEALTH_REPORT_WINDOW),
                    "last " + HEALTH_REPORT_WINDOW.toHours() + "h"),
            identity::login,
            app.clock(),
            every);
    LOG.info(
        "health report: every {} in the issue marked {} of \"{}\"",
        Durations.format(every),
        HealthIssueBody.MARKER,
        config.repository().orElseThrow());
    return Optional.of(
        new Ticker("health-report", app.intervals().healthReportTick(), reporter::tick));
  }

  /** Stops the tickers, then the workers, letting running steps finish within the grace. */
  @Override
  public void close() {
    identityLookup.close();
    poller.close();
    scheduler.close();
    healthReport.ifPresent(Ticker::close);
    workers.close(app.settings().server().shutdownGrace());
  }
}
