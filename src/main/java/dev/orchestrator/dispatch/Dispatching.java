package dev.orchestrator.dispatch;

import dev.orchestrator.command.CommandRateLimit;
import dev.orchestrator.feedback.Reactions;
import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.health.HealthService;
import dev.orchestrator.queue.MissionQueue;
import dev.orchestrator.runtime.Approvals;
import dev.orchestrator.runtime.RunLinkStore;
import dev.orchestrator.runtime.RunStore;
import dev.orchestrator.runtime.TranscriptStore;
import java.time.Clock;
import java.time.Duration;

/** Builds the dispatcher's handler from its parts; the one place they are wired together. */
public final class Dispatching {
  private Dispatching() {}

  /** Everything the dispatch needs from the rest of the application. */
  public record Parts(
      GitHubGateway gateway,
      RepositoryCatalogs catalogs,
      MissionQueue queue,
      RunStore runs,
      RunLinkStore links,
      TranscriptStore transcripts,
      HealthService health,
      Approvals approvals,
      Identity identity,
      Clock clock,
      Runnable wakeWorkers,
      DecisionEffects effects,
      Duration pollInitial,
      Duration pollMax,
      Duration approvalTimeout) {}

  /** The dispatcher's handler and the approval poller that shares its caches. */
  public record Wired(DeliveryRouter router, ApprovalPoller poller) {}

  public static Wired wire(Parts p) {
    RepositoryCatalogs catalogs = p.catalogs();
    RunRequests requests = new RunRequests(p.queue(), p.links(), p.clock(), p.wakeWorkers());
    PermissionCache permissions = new PermissionCache(p.gateway(), p.clock());
    ApprovalPoller poller =
        new ApprovalPoller(
            p.gateway(),
            p.runs(),
            p.links(),
            catalogs,
            permissions,
            p.identity(),
            p.approvals(),
            p.effects(),
            p.clock(),
            p.pollInitial(),
            p.pollMax(),
            p.approvalTimeout());
    // decisions made here are reported here; the poller reports only those made elsewhere
    DecisionEffects effects =
        runId -> {
          poller.reported(runId);
          p.effects().decided(runId);
        };
    CommandDispatch commands =
        new CommandDispatch(
            catalogs,
            permissions,
            new CommandRateLimit(p.clock()),
            p.identity(),
            new Reactions(p.gateway()),
            new ReplyPoster(p.gateway()),
            new BuiltIns(p.health(), p.runs(), p.transcripts()),
            new Decisions(p.runs(), p.approvals(), effects),
            requests);
    CheckRunActions buttons =
        new CheckRunActions(
            p.runs(), p.links(), catalogs, permissions, p.identity(), p.approvals(), effects);
    DeliveryRouter router =
        new DeliveryRouter(
            commands,
            new TriggerDispatch(catalogs, p.identity(), requests),
            catalogs,
            buttons,
            new Lifecycle(p.runs(), p.approvals(), effects),
            poller);
    return new Wired(router, poller);
  }
}
