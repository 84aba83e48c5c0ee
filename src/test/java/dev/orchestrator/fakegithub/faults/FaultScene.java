package dev.orchestrator.fakegithub.faults;

import dev.orchestrator.fakegithub.http.RateLimits.Snapshot;

/**
 * What a fault may need to word its answer like GitHub.
 *
 * @param rate the caller's rate-limit standing in the route's resource
 * @param exhaustedMessage GitHub's primary-limit message for this caller
 * @param documentationUrl the operation's docs page
 */
public record FaultScene(Snapshot rate, String exhaustedMessage, String documentationUrl) {}
