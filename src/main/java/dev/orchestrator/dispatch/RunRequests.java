package dev.orchestrator.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.Priority;
import dev.orchestrator.queue.MissionQueue;
import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunLinkStore;
import dev.orchestrator.runtime.RunLinks;
import dev.orchestrator.runtime.RunStatus;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Queues mission runs for commands and events, with their idempotency keys and links. */
public final class RunRequests {
  private static final Logger LOG = LoggerFactory.getLogger(RunRequests.class);

  private final MissionQueue queue;
  private final RunLinkStore links;
  private final Clock clock;
  private final Runnable wakeWorkers;

  public RunRequests(MissionQueue queue, RunLinkStore links, Clock clock, Runnable wakeWorkers) {
    this.queue = queue;
    this.links = links;
    this.clock = clock;
    this.wakeWorkers = wakeWorkers;
  }

  /** Where a run comes from. */
  public record Origin(
      long installationId,
      String repository,
      Optional<Integer> issue,
      Optional<String> headSha,
      String trigger,
      String requestedBy,
      String idempotencyKey,
      boolean human,
      String deliveryId,
      Optional<Long> commentId,
      Optional<Long> eyesReactionId) {}

  /** Stored priority: the mission's, raised one level for a human's command. */
  static int priority(Priority p, boolean human) {
    int base =
        p == Priority.HIGH
            ? NewRun.PRIORITY_HIGH
            : p == Priority.LOW ? NewRun.PRIORITY_LOW : NewRun.PRIORITY_NORMAL;
    return human ? base + 1 : base;
  }

  public MissionQueue.Offer request(Mission mission, JsonNode arguments, JsonNode event, Origin o) {
    NewRun run =
        new NewRun(
            mission.name(),
            mission.planner().label(),
            o.installationId(),
            Optional.of(o.repository()),
            o.issue(),
            o.headSha(),
            o.trigger(),
            Optional.of(o.requestedBy()),
            Optional.of(o.idempotencyKey()),
            RunStatus.QUEUED,
            priority(mission.priority(), o.human()),
            false,
            arguments.toString(),
            Optional.of(event.toString()));
    MissionQueue.Offer offer = queue.offer(run, clock.instant());
    if (offer instanceof MissionQueue.Offer.Queued q) {
      links.save(
          new RunLinks(
              q.runId(),
              Optional.of(o.deliveryId()),
              o.commentId(),
              o.eyesReactionId(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty()));
      LOG.info(
          "delivery={} run={} queued {} on \"{}\" ({})",
          o.deliveryId(),
          q.runId(),
          mission.name(),
          o.repository(),
          o.trigger());
      wakeWorkers.run();
    } else if (offer instanceof MissionQueue.Offer.Full f) {
      LOG.warn(
          "delivery={} queue full: {} not queued on \"{}\": {}",
          o.deliveryId(),
          mission.name(),
          o.repository(),
          f.reason());
    }
    return offer;
  }
}
