package dev.orchestrator.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.runtime.Approvals;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.runtime.RunStore;
import dev.orchestrator.webhook.Delivery;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Events that end waiting runs: a new push to a pull request cancels queued runs for its old head,
 * runs approved for it and runs waiting for approval of a plan made on it, a closed pull request
 * cancels its queued and blocked runs, and an uninstalled or suspended installation cancels all of
 * its waiting runs.
 */
final class Lifecycle {
  private static final int MAX = 10_000;

  /** A new head or a closed pull request: queued runs of the old head, or all waiting runs. */
  private static final Set<String> PULL_REQUEST_KINDS =
      Set.of("pull_request.synchronize", "pull_request.closed");

  /** The App was uninstalled or suspended there: every waiting run of that installation. */
  private static final Set<String> INSTALLATION_KINDS =
      Set.of("installation.deleted", "installation.suspend");

  /** The events whose deliveries can end runs here. */
  static final Set<String> EVENTS = events(PULL_REQUEST_KINDS, INSTALLATION_KINDS);

  private final RunStore runs;
  private final Approvals approvals;
  private final DecisionEffects effects;

  Lifecycle(RunStore runs, Approvals approvals, DecisionEffects effects) {
    this.runs = runs;
    this.approvals = approvals;
    this.effects = effects;
  }

  /** The runs cancelled, for the delivery's outcome; empty when the event ends nothing. */
  List<Long> handle(Delivery d, JsonNode p) {
    String kind = d.kind();
    List<RunRecord> targets = new ArrayList<>();
    if (PULL_REQUEST_KINDS.contains(kind) && d.repository().isPresent()) {
      int number = p.path("pull_request").path("number").asInt();
      String head = p.path("pull_request").path("head").path("sha").asText();
      boolean closed = kind.endsWith("closed");
      for (RunRecord r :
          runs.onIssue(
              d.repository().get(), number, EnumSet.of(RunStatus.QUEUED, RunStatus.BLOCKED))) {
        boolean staleApproval =
            r.status() == RunStatus.QUEUED
                && r.checkpointJson().map(c -> c.contains("\"approved_by\"")).orElse(false);
        boolean oldHead = r.headSha().map(sha -> !sha.equals(head)).orElse(false);
        // a run waiting for approval planned its changes on the head this push replaced: an
        // approval now would approve the old head's plan, so it ends (a new run plans again)
        boolean waitsOnOldHead = r.status() == RunStatus.BLOCKED;
        if (closed
            || waitsOnOldHead
            || (r.status() == RunStatus.QUEUED && (oldHead || staleApproval))) {
          targets.add(r);
        }
      }
    } else if (INSTALLATION_KINDS.contains(kind) && d.installationId().isPresent()) {
      long installation = d.installationId().get();
      for (RunStatus s : EnumSet.of(RunStatus.QUEUED, RunStatus.BLOCKED)) {
        runs.withStatus(s, MAX).stream()
            .filter(r -> r.installationId() == installation)
            .forEach(targets::add);
      }
    }
    List<Long> cancelled = new ArrayList<>();
    for (RunRecord r : targets) {
      if (approvals.cancel(r.id(), "github", false).done()) {
        cancelled.add(r.id());
        effects.decided(r.id());
      }
    }
    return cancelled;
  }

  @SafeVarargs
  private static Set<String> events(Set<String>... kinds) {
    Set<String> events = new java.util.TreeSet<>();
    for (Set<String> k : kinds) {
      k.forEach(kind -> events.add(kind.substring(0, kind.indexOf('.'))));
    }
    return Set.copyOf(events);
  }
}
