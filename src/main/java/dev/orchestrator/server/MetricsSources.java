package dev.orchestrator.server;

import dev.orchestrator.github.RateLimits;
import dev.orchestrator.health.RunCounts;
import dev.orchestrator.runtime.BreakerRecord;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where {@code /metrics} reads the state it reports as gauges, at each scrape.
 *
 * @param runs run counts from the store
 * @param breakers mission breakers that are OPEN or HALF_OPEN now
 * @param rateLimits GitHub's rate-limit figures as last reported, per lane and resource
 */
public record MetricsSources(
    RunCounts runs,
    Supplier<List<BreakerRecord>> breakers,
    Supplier<Collection<RateLimits.Snapshot>> rateLimits) {}
