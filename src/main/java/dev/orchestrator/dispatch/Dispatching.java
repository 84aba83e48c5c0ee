package dev.orchestrator.dispatch;

import dev.orchestrator.command.CommandRateLimit;
import dev.orchestrator.feedback.Reactions;
import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.health.HealthService;
import dev.orchestrator.mission.MissionCatalog;
import dev.orchestrator.queue.MissionQueue;
import dev.orchestrator.runtime.Approvals;
import dev.orchestrator.runtime.RunLinkStore;
import dev.orchestrator.runtime.RunStore;
import dev.orchestrator.runtime.TranscriptStore;
import java.time.Clock;

/** Builds the dispatcher's handler from its parts; the one place they are wired together. */
public final class Dispatching {
  private Dispatching() {}

  /** Everything the dispatch needs from the rest of the application. */
  public record Parts(
      GitHubGateway gateway,
      MissionCatalog missions,
      MissionQueue queue,
      RunStore runs,
      RunLinkStore links,
      TranscriptStore transcripts,
      HealthService health,
      Approvals approvals,
      Identity identity,
      Clock clock,
      Runnable wakeWorkers) {}

  public static DeliveryRouter router(Parts p) {
    RepositoryCatalogs catalogs = new RepositoryCatalogs(p.missions(), p.gateway(), p.clock());
    RunRequests requests = new RunRequests(p.queue(), p.links(), p.clock(), p.wakeWorkers());
    CommandDispatch commands =
        new CommandDispatch(
            catalogs,
            new PermissionCache(p.gateway(), p.clock()),
            new CommandRateLimit(p.clock()),
            p.identity(),
            new Reactions(p.gateway()),
            new ReplyPoster(p.gateway()),
            new BuiltIns(p.health(), p.runs(), p.transcripts()),
            new Decisions(p.runs(), p.approvals()),
            requests);
    return new DeliveryRouter(
        commands, new TriggerDispatch(catalogs, p.identity(), requests), catalogs);
  }
}
