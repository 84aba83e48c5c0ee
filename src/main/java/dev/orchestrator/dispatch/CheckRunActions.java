package dev.orchestrator.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.command.CommandPolicy;
import dev.orchestrator.command.Decision;
import dev.orchestrator.command.Permission;
import dev.orchestrator.command.Requester;
import dev.orchestrator.command.SlashCommand;
import dev.orchestrator.github.Repo;
import dev.orchestrator.runtime.Approvals;
import dev.orchestrator.runtime.RunLinkStore;
import dev.orchestrator.runtime.RunLinks;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStore;
import dev.orchestrator.webhook.Delivery;
import dev.orchestrator.webhook.DeliveryHandler;
import java.util.Optional;

/**
 * The Approve and Reject buttons of a BLOCKED run's check run ({@code check_run.requested_action}).
 * Only the run's current check run counts, and the same rules apply as to comments.
 */
final class CheckRunActions {
  private final RunStore runs;
  private final RunLinkStore links;
  private final RepositoryCatalogs catalogs;
  private final PermissionCache permissions;
  private final Identity identity;
  private final Approvals approvals;
  private final DecisionEffects effects;

  CheckRunActions(
      RunStore runs,
      RunLinkStore links,
      RepositoryCatalogs catalogs,
      PermissionCache permissions,
      Identity identity,
      Approvals approvals,
      DecisionEffects effects) {
    this.runs = runs;
    this.links = links;
    this.catalogs = catalogs;
    this.permissions = permissions;
    this.identity = identity;
    this.approvals = approvals;
    this.effects = effects;
  }

  DeliveryHandler.Outcome handle(Delivery d, JsonNode p) {
    String action = p.path("requested_action").path("identifier").asText();
    long checkRunId = p.path("check_run").path("id").asLong();
    String externalId = p.path("check_run").path("external_id").asText("");
    if (!externalId.matches("\\d{1,18}")) {
      return DeliveryHandler.Outcome.ignored("check run " + checkRunId + " is not one of ours");
    }
    long runId = Long.parseLong(externalId);
    Optional<RunRecord> run = runs.find(runId);
    Optional<RunLinks> l = links.find(runId);
    if (run.isEmpty()
        || l.isEmpty()
        || l.get().checkRunId().map(id -> id != checkRunId).orElse(true)) {
      return DeliveryHandler.Outcome.ignored(
          "check run " + checkRunId + " is not run " + runId + "'s current check run");
    }
    JsonNode sender = p.path("sender");
    if (Identity.isBot(sender) || identity.isSelf(sender)) {
      return DeliveryHandler.Outcome.ignored("button pressed by a bot");
    }
    Repo repo = Repo.of(run.get().repository().orElseThrow());
    if (d.installationId().isPresent()) {
      repo = repo.via(d.installationId().get());
    }
    String login = sender.path("login").asText();
    Optional<Permission> level = permissions.of(repo, login);
    if (level.isEmpty()) {
      return new DeliveryHandler.Outcome("failed", "permission lookup failed for @" + login);
    }
    SlashCommand command =
        "approve".equals(action)
            ? new SlashCommand.Approve(0, Optional.of(runId))
            : new SlashCommand.Reject(0, Optional.of(runId), Optional.empty());
    if (!"approve".equals(action) && !"reject".equals(action)) {
      return DeliveryHandler.Outcome.ignored("unknown check run action \"" + action + "\"");
    }
    Decision allowed =
        CommandPolicy.decide(
            command,
            new Requester(login, sender.path("type").asText("User"), level.get()),
            Optional.of(
                RunLookup.rule(
                    run.get(), catalogs.forRepository(repo).mission(run.get().mission()))),
            run.get().requestedBy(),
            identity.loginOrUnknown());
    if (!allowed.allowed()) {
      return new DeliveryHandler.Outcome(
          "refused", allowed instanceof Decision.Refuse r ? r.reason() : "not allowed");
    }
    Approvals.Result result =
        "approve".equals(action)
            ? approvals.approve(runId, login, false)
            : approvals.reject(runId, login, Optional.of("rejected with the check run's button"));
    if (result.done()) {
      effects.decided(runId);
    }
    return new DeliveryHandler.Outcome(result.done() ? "decided" : "ignored", result.message());
  }
}
