package dev.orchestrator.server;

import dev.orchestrator.github.RequestObserver;
import dev.orchestrator.runtime.RunMetrics;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.webhook.IntakeMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics behind {@code GET /metrics}: Micrometer's Prometheus registry, the JVM's binders, the
 * counters the domain drives through its ports ({@link IntakeMetrics}, {@link RunMetrics}, {@link
 * RequestObserver}), and gauges read from the store at each scrape ({@link StateGauges}).
 */
public final class PrometheusMetrics
    implements IntakeMetrics, RunMetrics, RequestObserver, AutoCloseable {
  /** Prometheus text exposition format 0.0.4, what {@link #scrape()} writes. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  // Run durations range from seconds to the longest mission timeout.
  private static final Duration[] RUN_BUCKETS = {
    Duration.ofSeconds(1),
    Duration.ofSeconds(5),
    Duration.ofSeconds(15),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60),
    Duration.ofSeconds(120),
    Duration.ofSeconds(300),
    Duration.ofSeconds(600),
    Duration.ofSeconds(1800)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private JvmGcMetrics gc; // once bound
  private final StateGauges gauges;
  private final Counter recovered;
  // Looking a meter up in the registry builds an id each time; these maps skip that on hot paths.
  private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();
  private final Map<String, Counter> requests = new ConcurrentHashMap<>();
  private final Map<String, Timer> durations = new ConcurrentHashMap<>();

  public PrometheusMetrics(MetricsSources sources) {
    recovered =
        Counter.builder("agent.webhook.deliveries.recovered")
            .description("Missed deliveries that the catch-up had GitHub redeliver")
            .register(registry);
    gauges = new StateGauges(registry, sources);
  }

  /**
   * Adds the JVM's own metrics (memory, collections, threads, classes, CPU, uptime). Reading the
   * platform's management beans for them costs start-up time, so the server calls this once it
   * listens; a scrape before then calls it first. Only once.
   */
  public synchronized void bindJvmMetrics() {
    if (gc != null) {
      return;
    }
    gc = new JvmGcMetrics();
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Everything, in Prometheus text format, with the gauges read from their sources now. */
  public synchronized String scrape() {
    bindJvmMetrics();
    gauges.refresh();
    return registry.scrape();
  }

  @Override
  public void delivery(String event, String outcome) {
    deliveries
        .computeIfAbsent(
            event + '\n' + outcome,
            k ->
                Counter.builder("agent.webhook.deliveries")
                    .description(
                        "Webhook requests answered, by event (\"unverified\" before the signature"
                            + " holds) and outcome (accepted, duplicate, rejected_<status>)")
                    .tag("event", event)
                    .tag("outcome", outcome)
                    .register(registry))
        .increment();
  }

  @Override
  public void recovered() {
    recovered.increment();
  }

  @Override
  public void finished(String mission, RunStatus status, double seconds) {
    durations
        .computeIfAbsent(
            mission + '\n' + status.name(),
            k ->
                Timer.builder("agent.run.duration")
                    .description(
                        "Time runs spent running (approval waits excluded), by mission and final"
                            + " status")
                    .tag("mission", mission)
                    .tag("status", status.name())
                    .serviceLevelObjectives(RUN_BUCKETS)
                    .register(registry))
        .record(Duration.ofNanos((long) (seconds * 1e9)));
  }

  @Override
  public void attempted(String method, String status) {
    requests
        .computeIfAbsent(
            method + '\n' + status,
            k ->
                Counter.builder("agent.github.requests")
                    .description(
                        "Request attempts to GitHub, by method and status (the HTTP status,"
                            + " timeout or connection_failed)")
                    .tag("method", method)
                    .tag("status", status)
                    .register(registry))
        .increment();
  }

  @Override
  public synchronized void close() {
    if (gc != null) {
      gc.close();
    }
    registry.close();
  }
}
