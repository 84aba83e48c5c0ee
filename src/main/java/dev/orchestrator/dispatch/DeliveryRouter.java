package dev.orchestrator.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  @Override
  public Outcome handle(Delivery d) {
    return handle(d, false);
  }

  @Override
  public Outcome handle(Delivery d, boolean retry) {
    JsonNode p;
    try {
      p = JSON.readTree(d.payload());
    } catch (Exception e) {
      return new Outcome("failed", "stored payload is not JSON: " + e.getMessage());
    }
    int subject = TriggerDispatch.subject(p).path("number").asInt(0);
    if (d.repository().isPresent() && subject > 0) {
      poller.recheck(d.repository().get(), subject); // reactions have no webhook: look now
    }
    java.util.List<Long> cancelled = lifecycle.handle(d, p);
    switch (d.event()) {
      case "check_run":
        if (d.action().map("requested_action"::equals).orElse(false)) {
          return buttons.handle(d, p);
        }
        return triggers.handle(d, p);
      case "installation":
        return cancelled.isEmpty()
            ? Outcome.ignored("installation " + d.action().orElse("?") + ": nothing to cancel")
            : new Outcome("cancelled", "cancelled runs " + cancelled);
      case "ping":
        return Outcome.ignored("ping: the webhook is configured");
      case "issue_comment":
        if (!d.action().map("created"::equals).orElse(false)) {
          return Outcome.ignored(
              "only created comments carry commands (this one was " + d.action().orElse("?") + ")");
        }
        return commands.handle(d, p, retry);
      case "push":
        return catalogs.onPush(p)
            ? new Outcome(
                "config",
                "the repository's .github/agent.yml or missions may have changed; the next command"
                    + " or event revalidates them")
            : Outcome.ignored("push does not touch .github/agent* on the default branch");
      default:
        Outcome o = triggers.handle(d, p);
        return cancelled.isEmpty()
            ? o
            : new Outcome(o.outcome(), o.reason() + "; cancelled runs " + cancelled, o.runIds());
    }
  }
}
