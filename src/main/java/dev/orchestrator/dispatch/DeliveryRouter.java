package dev.orchestrator.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.MissionCatalog;
import dev.orchestrator.mission.Trigger;
import dev.orchestrator.webhook.Delivery;
import dev.orchestrator.webhook.DeliveryHandler;

/**
 * The dispatcher's map from event to handler, fixed at start-up: created comments carry commands,
 * pushes may change a repository's configuration, and other events may trigger missions.
 */
public final class DeliveryRouter implements DeliveryHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CommandDispatch commands;
  private final TriggerDispatch triggers;
  private final RepositoryCatalogs catalogs;
  private final CheckRunActions buttons;
  private final Lifecycle lifecycle;
  private final ApprovalPoller poller;

  DeliveryRouter(
      CommandDispatch commands,
      TriggerDispatch triggers,
      RepositoryCatalogs catalogs,
      CheckRunActions buttons,
      Lifecycle lifecycle,
      ApprovalPoller poller) {
    this.commands = commands;
    this.triggers = triggers;
    this.catalogs = catalogs;
    this.buttons = buttons;
    this.lifecycle = lifecycle;
    this.poller = poller;
  }

  /** How one event named in {@link #ROUTES} is handled. */
  private interface Route {
    Outcome handle(
        DeliveryRouter router,
        Delivery d,
        JsonNode payload,
        boolean retry,
        java.util.List<Long> cancelled);
  }

  /**
   * The events handled by name; every other event goes to the mission triggers (after {@link
   * Lifecycle} has ended the runs it ends).
   */
  private static final java.util.Map<String, Route> ROUTES =
      java.util.Map.of(
          "check_run",
          (r, d, p, retry, cancelled) ->
              d.action().map("requested_action"::equals).orElse(false)
                  ? r.buttons.handle(d, p)
                  : r.triggers.handle(d, p),
          "installation",
          (r, d, p, retry, cancelled) ->
              cancelled.isEmpty()
                  ? Outcome.ignored(
                      "installation " + d.action().orElse("?") + ": nothing to cancel")
                  : new Outcome("cancelled", "cancelled runs " + cancelled),
          "ping",
          (r, d, p, retry, cancelled) -> Outcome.ignored("ping: the webhook is configured"),
          "issue_comment",
          (r, d, p, retry, cancelled) ->
              d.action().map("created"::equals).orElse(false)
                  ? r.commands.handle(d, p, retry)
                  : Outcome.ignored(
                      "only created comments carry commands (this one was "
                          + d.action().orElse("?")
                          + ")"),
          "push",
          (r, d, p, retry, cancelled) ->
              r.catalogs.onPush(p)
                  ? new Outcome(
                      "config",
                      "the repository's .github/agent.yml or missions may have changed; the next"
                          + " command or event revalidates them")
                  : Outcome.ignored("push does not touch .github/agent* on the default branch"));

  /**
   * Every event this dispatcher acts on with {@code catalog}'s missions: those routed by name,
   * those that end waiting runs, and those the missions' triggers name. What the App must subscribe
   * to (GitHub sends {@code installation} and {@code ping} unasked).
   */
  public static java.util.SortedSet<String> handledEvents(MissionCatalog catalog) {
    java.util.SortedSet<String> events = new java.util.TreeSet<>(ROUTES.keySet());
    events.addAll(Lifecycle.EVENTS);
    for (Mission m : catalog.missions()) {
      for (Trigger t : m.triggers()) {
        if (t instanceof Trigger.OnEvent e) {
          events.add(e.event());
        }
      }
    }
    return events;
  }

  @Override
  public Outcome handle(Delivery d) {
    return handle(d, false);
  }

  @Override
  public Outcome handle(Delivery d, boolean retry) {
    byte[] bytes = d.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if ("issue_comment.created".equals(d.kind())) {
      // Most comments are conversation: a glance at the body settles them without the tree.
      java.util.Optional<CommentPeek.Seen> seen = CommentPeek.of(bytes);
      if (seen.isPresent() && seen.get().withoutCommand()) {
        if (d.repository().isPresent() && seen.get().issueNumber() > 0) {
          poller.recheck(d.repository().get(), seen.get().issueNumber());
        }
        return CommandDispatch.NO_COMMAND;
      }
    }
    JsonNode p;
    try {
      // from UTF-8 bytes: Jackson's byte parser is markedly faster than its reader-based one
      p = JSON.readTree(bytes);
    } catch (Exception e) {
      return new Outcome("failed", "stored payload is not JSON: " + e.getMessage());
    }
    int subject = TriggerDispatch.subject(p).path("number").asInt(0);
    if (d.repository().isPresent() && subject > 0) {
      poller.recheck(d.repository().get(), subject); // reactions have no webhook: look now
    }
    java.util.List<Long> cancelled = lifecycle.handle(d, p);
    Route route = ROUTES.get(d.event());
    if (route != null) {
      return route.handle(this, d, p, retry, cancelled);
    }
    Outcome o = triggers.handle(d, p);
    return cancelled.isEmpty()
        ? o
        : new Outcome(o.outcome(), o.reason() + "; cancelled runs " + cancelled, o.runIds());
  }
}
