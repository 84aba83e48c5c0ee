package dev.orchestrator.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orchestrator.github.Repo;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.RepositoryConfig;
import dev.orchestrator.mission.TriggerMatcher;
import dev.orchestrator.queue.MissionQueue;
import dev.orchestrator.runtime.Arguments;
import dev.orchestrator.webhook.Delivery;
import dev.orchestrator.webhook.DeliveryHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An event starts the missions whose triggers match it, global or the repository's own, when the
 * repository's {@code .github/agent.yml} lists them under {@code triggers:} (the one list of what
 * events start there). Each run's idempotency key comes from the signed payload, so a replayed or
 * doubled delivery starts nothing new. When GitHub cannot serve that file and none is kept, the
 * delivery is answered {@link DeliveryHandler.Outcome#retry}: it waits and is tried again, since
 * taking the repository for "not opted in" would drop the event.
 */
public final class TriggerDispatch {
  private final RepositoryCatalogs catalogs;
  private final Identity identity;
  private final RunRequests runs;

  TriggerDispatch(RepositoryCatalogs catalogs, Identity identity, RunRequests runs) {
    this.catalogs = catalogs;
    this.identity = identity;
    this.runs = runs;
  }

  DeliveryHandler.Outcome handle(Delivery d, JsonNode p) {
    if (d.repository().isEmpty() || d.action().isEmpty()) {
      return DeliveryHandler.Outcome.ignored(
          "\"" + d.kind() + "\" has no repository or action to trigger on");
    }
    String action = d.action().get();
    if (!TriggerMatcher.triggerable(d.event(), action)) {
      return DeliveryHandler.Outcome.ignored("no mission can trigger on \"" + d.kind() + "\"");
    }
    if (identity.isSelf(p.path("sender"))) {
      return DeliveryHandler.Outcome.ignored(
          "\""
              + d.kind()
              + "\" was caused by this app (or by a bot while its identity is unknown)");
    }
    Repo repo = Repo.of(d.repository().get());
    if (d.installationId().isPresent()) {
      repo = repo.via(d.installationId().get());
    }
    RepositoryCatalogs.Triggers triggers = catalogs.forEvents(repo);
    if (triggers instanceof RepositoryCatalogs.Triggers.Unknown unknown) {
      // not "not opted in": that would drop the event; this delivery waits and is tried again
      return DeliveryHandler.Outcome.retry(unknown.reason());
    }
    RepositoryCatalogs.View view = ((RepositoryCatalogs.Triggers.Known) triggers).view();
    List<Mission> candidates = TriggerMatcher.matching(view.missions(), d.event(), action, p);
    if (candidates.isEmpty()) {
      return DeliveryHandler.Outcome.ignored(
          "no mission triggers on \"" + d.kind() + "\" in \"" + repo + "\"");
    }
    List<String> started = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Long> runIds = new ArrayList<>();
    for (Mission m : candidates) {
      if (!view.config().triggers(m.name())) {
        skipped.add(m.name() + " (not under triggers in " + RepositoryConfig.PATH + ")");
        continue;
      }
      Arguments.Resolved args = Arguments.resolve(m, Map.of());
      if (args instanceof Arguments.Resolved.Invalid) {
        skipped.add(m.name() + " (arguments without defaults)");
        continue;
      }
      MissionQueue.Offer offer =
          runs.request(m, ((Arguments.Resolved.Ok) args).arguments(), p, origin(d, p, m));
      if (offer instanceof MissionQueue.Offer.Queued q) {
        started.add("run " + q.runId() + " (" + m.name() + ")");
        runIds.add(q.runId());
      } else if (offer instanceof MissionQueue.Offer.Full f) {
        skipped.add(m.name() + " (" + f.reason() + ")");
      } else {
        skipped.add(m.name() + " (already started for this event)");
      }
    }
    if (started.isEmpty()) {
      return DeliveryHandler.Outcome.ignored(
          "not started on \""
              + repo
              + "\": "
              + String.join(", ", skipped)
              + (view.config().triggers().isEmpty()
                  ? "; the repository has not opted in with " + RepositoryConfig.PATH
                  : ""));
    }
    return new DeliveryHandler.Outcome("runs", "started " + String.join(", ", started), runIds);
  }

  private static RunRequests.Origin origin(Delivery d, JsonNode p, Mission m) {
    JsonNode subject = subject(p);
    String version =
        subject.path("head").path("sha").isTextual()
            ? subject.path("head").path("sha").asText()
            : subject.path("head_sha").isTextual()
                ? subject.path("head_sha").asText()
                : subject.path("updated_at").asText("");
    String key =
        "event:"
            + d.kind()
            + ":"
            + subject.path("node_id").asText("")
            + ":"
            + version
            + ":"
            + m.name();
    Optional<Integer> number =
        subject.path("number").canConvertToInt()
            ? Optional.of(subject.path("number").asInt())
            : Optional.empty();
    Optional<String> headSha =
        p.path("pull_request").path("head").path("sha").isTextual()
            ? Optional.of(p.path("pull_request").path("head").path("sha").asText())
            : Optional.empty();
    return new RunRequests.Origin(
        d.installationId().orElse(0L),
        d.repository().get(),
        number,
        headSha,
        "event:" + d.kind(),
        p.path("sender").path("login").asText("github"),
        key,
        false,
        d.id(),
        Optional.empty(),
        Optional.empty());
  }

  /** The object the event is about: the issue, the pull request, the check run… */
  static JsonNode subject(JsonNode p) {
    for (String k :
        new String[] {
          "pull_request", "issue", "check_run", "check_suite", "discussion", "release"
        }) {
      if (p.has(k) && p.get(k).isObject()) {
        return p.get(k);
      }
    }
    return JsonNodeFactory.instance.objectNode();
  }
}
