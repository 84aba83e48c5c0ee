package dev.orchestrator.server;

import dev.orchestrator.github.RateLimits;
import dev.orchestrator.health.RunCounts;
import dev.orchestrator.runtime.BreakerRecord;
import dev.orchestrator.runtime.BreakerState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of state that lives in the store or the GitHub transport: read once per scrape, never
 * polled in the background. A source that fails leaves its gauge empty for that scrape (and logs
 * why) rather than repeating stale figures or failing the whole scrape.
 */
final class StateGauges {
  private static final Logger LOG = LoggerFactory.getLogger(StateGauges.class);

  /** The stored priorities (NewRun.PRIORITY_*), named as operators know them. */
  private static final Map<Integer, String> PRIORITIES =
      Map.of(0, "low", 1, "normal", 2, "high", 3, "urgent");

  private final MetricsSources sources;
  private final MultiGauge runs;
  private final MultiGauge queueDepth;
  private final MultiGauge breakerState;
  private final MultiGauge breakers;
  private final MultiGauge rateRemaining;
  private final MultiGauge rateLimit;

  StateGauges(MeterRegistry registry, MetricsSources sources) {
    this.sources = sources;
    runs = gauge(registry, "agent.runs", "Stored runs by mission and status");
    queueDepth = gauge(registry, "agent.queue.depth", "QUEUED runs by priority");
    breakerState =
        gauge(
            registry,
            "agent.breaker.state",
            "1 for each mission breaker that is not CLOSED, by mission, installation and state");
    breakers =
        gauge(registry, "agent.breakers", "Mission breakers that are OPEN or HALF_OPEN, by state");
    rateRemaining =
        gauge(
            registry,
            "agent.github.rate.limit.remaining",
            "Requests left in GitHub's rate-limit window as last reported, by lane (app,"
                + " installation:<id>, token) and resource");
    rateLimit =
        gauge(
            registry,
            "agent.github.rate.limit.limit",
            "The size of GitHub's rate-limit window as last reported, by lane and resource");
  }

  private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
    return MultiGauge.builder(name).description(description).register(registry);
  }

  void refresh() {
    fill("runs by mission and status", runs, this::runRows);
    fill("queue depth", queueDepth, this::queueRows);
    Optional<List<BreakerRecord>> open = read("breakers", sources.breakers());
    breakerState.register(open.map(StateGauges::breakerRows).orElse(List.of()), true);
    breakers.register(open.map(StateGauges::breakerCounts).orElse(List.of()), true);
    Optional<List<RateLimits.Snapshot>> limits =
        read("rate limits", () -> List.copyOf(sources.rateLimits().get()));
    rateRemaining.register(rateRows(limits, RateLimits.Snapshot::remaining), true);
    rateLimit.register(rateRows(limits, RateLimits.Snapshot::limit), true);
  }

  private List<MultiGauge.Row<?>> runRows() {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (Map.Entry<RunCounts.MissionStatus, Long> e :
        sources.runs().byMissionAndStatus().entrySet()) {
      rows.add(
          MultiGauge.Row.of(
              Tags.of("mission", e.getKey().mission(), "status", e.getKey().status().name()),
              e.getValue()));
    }
    return rows;
  }

  /** Every known priority has a series, at 0 when nothing waits, so dashboards see the lanes. */
  private List<MultiGauge.Row<?>> queueRows() {
    Map<Integer, Long> depth = new TreeMap<>();
    PRIORITIES.keySet().forEach(p -> depth.put(p, 0L));
    depth.putAll(sources.runs().queuedByPriority());
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    depth.forEach(
        (p, n) ->
            rows.add(
                MultiGauge.Row.of(
                    Tags.of("priority", PRIORITIES.getOrDefault(p, Integer.toString(p))), n)));
    return rows;
  }

  private static List<MultiGauge.Row<?>> breakerCounts(List<BreakerRecord> open) {
    Map<BreakerState, Long> counts = new EnumMap<>(BreakerState.class);
    counts.put(BreakerState.OPEN, 0L);
    counts.put(BreakerState.HALF_OPEN, 0L);
    open.forEach(b -> counts.merge(b.state(), 1L, Long::sum));
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    counts.forEach((state, n) -> rows.add(MultiGauge.Row.of(Tags.of("state", state.name()), n)));
    return rows;
  }

  private static List<MultiGauge.Row<?>> breakerRows(List<BreakerRecord> open) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (BreakerRecord b : open) {
      Tags tags =
          Tags.of(
              "mission",
              b.mission(),
              "installation_id",
              Long.toString(b.installationId()),
              "state",
              b.state().name());
      rows.add(MultiGauge.Row.of(tags, 1));
    }
    return rows;
  }

  private static List<MultiGauge.Row<?>> rateRows(
      Optional<List<RateLimits.Snapshot>> snapshots, ToLongFunction<RateLimits.Snapshot> value) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (RateLimits.Snapshot s : snapshots.orElse(List.of())) {
      Tags tags = Tags.of("lane", s.lane(), "resource", s.resource());
      rows.add(MultiGauge.Row.of(tags, value.applyAsLong(s)));
    }
    return rows;
  }

  private void fill(String what, MultiGauge gauge, Supplier<List<MultiGauge.Row<?>>> rows) {
    gauge.register(read(what, rows).orElse(List.of()), true);
  }

  private static <T> Optional<T> read(String what, Supplier<T> source) {
    try {
      return Optional.of(source.get());
    } catch (RuntimeException e) {
      LOG.warn("metrics: reading {} failed, so its gauge is empty: {}", what, e.getMessage());
      return Optional.empty();
    }
  }
}
