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

  DeliveryRouter(CommandDispatch commands, TriggerDispatch triggers, RepositoryCatalogs catalogs) {
    this.commands = commands;
    this.triggers = triggers;
    this.catalogs = catalogs;
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
    switch (d.event()) {
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
                "config", "the repository's agent configuration changed; its cache was cleared")
            : Outcome.ignored("push does not touch .github/agent* on the default branch");
      default:
        return triggers.handle(d, p);
    }
  }
}
