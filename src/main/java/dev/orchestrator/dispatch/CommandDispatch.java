package dev.orchestrator.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.command.CommandParser;
import dev.orchestrator.command.CommandPolicy;
import dev.orchestrator.command.CommandRateLimit;
import dev.orchestrator.command.Decision;
import dev.orchestrator.command.ParseResult;
import dev.orchestrator.command.Permission;
import dev.orchestrator.command.Requester;
import dev.orchestrator.command.SlashCommand;
import dev.orchestrator.command.Vocabulary;
import dev.orchestrator.feedback.Reactions;
import dev.orchestrator.github.Repo;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.queue.MissionQueue;
import dev.orchestrator.runtime.Arguments;
import dev.orchestrator.webhook.Delivery;
import dev.orchestrator.webhook.DeliveryHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A created issue or pull-request comment: parse its {@code /agent} lines, check who asks, answer
 * built-ins in one combined reply and queue mission runs. Reactions tell the commenter where it
 * stands. Bots and this app are never answered.
 */
public final class CommandDispatch {
  private final RepositoryCatalogs catalogs;
  private final PermissionCache permissions;
  private final CommandRateLimit rateLimit;
  private final Identity identity;
  private final Reactions reactions;
  private final ReplyPoster replies;
  private final BuiltIns builtIns;
  private final Decisions decisions;
  private final RunRequests runs;

  CommandDispatch(
      RepositoryCatalogs catalogs,
      PermissionCache permissions,
      CommandRateLimit rateLimit,
      Identity identity,
      Reactions reactions,
      ReplyPoster replies,
      BuiltIns builtIns,
      Decisions decisions,
      RunRequests runs) {
    this.catalogs = catalogs;
    this.permissions = permissions;
    this.rateLimit = rateLimit;
    this.identity = identity;
    this.reactions = reactions;
    this.replies = replies;
    this.builtIns = builtIns;
    this.decisions = decisions;
    this.runs = runs;
  }

  /** The outcome of a comment that does not mention {@code /agent}. */
  static final DeliveryHandler.Outcome NO_COMMAND =
      DeliveryHandler.Outcome.ignored("no /agent command in the comment");

  DeliveryHandler.Outcome handle(Delivery d, JsonNode p, boolean retry) {
    JsonNode sender = p.path("sender");
    String body = p.path("comment").path("body").asText("");
    if (!body.toLowerCase(java.util.Locale.ROOT).contains("/agent")) {
      return NO_COMMAND; // the same answer DeliveryRouter gives from a glance at the body
    }
    if (Identity.isBot(sender) || identity.isSelf(sender) || body.contains("<!-- agent-")) {
      return DeliveryHandler.Outcome.ignored("comment by a bot or by this app");
    }
    Optional<String> fullName = d.repository();
    if (fullName.isEmpty()) {
      return DeliveryHandler.Outcome.ignored("comment without a repository");
    }
    Repo repo = Repo.of(fullName.get());
    if (d.installationId().isPresent()) {
      repo = repo.via(d.installationId().get());
    }
    RepositoryCatalogs.View view = catalogs.forRepository(repo);
    ParseResult parsed = CommandParser.parse(body, vocabulary(view.missions()));
    if (parsed instanceof ParseResult.NotACommand) {
      return DeliveryHandler.Outcome.ignored("no /agent command in the comment");
    }
    long commentId = p.path("comment").path("id").asLong();
    String login = sender.path("login").asText();
    String context = "delivery=" + d.id();
    if (!rateLimit.tryAcquire(repo.fullName(), login)) {
      reactions.add(repo, commentId, Reactions.CONFUSED, context);
      return new DeliveryHandler.Outcome(
          "rate_limited",
          "@" + login + " sent more than " + CommandRateLimit.LIMIT + " commands in 10 minutes");
    }
    Optional<Long> eyes = reactions.add(repo, commentId, Reactions.EYES, context);
    Optional<Permission> level = permissions.of(repo, login);
    if (level.isEmpty()) {
      replies.post(
          repo,
          p,
          d.id(),
          firstLine(parsed),
          "I could not look up your permission on this repository (GitHub did not answer); nothing was run. Please try again in a few minutes.",
          retry);
      reactions.finish(repo, commentId, Reactions.FAILED, eyes, context);
      return new DeliveryHandler.Outcome("failed", "permission lookup failed for @" + login);
    }
    Requester who = new Requester(login, sender.path("type").asText("User"), level.get());
    Sections out = new Sections();
    view.problems().forEach(pr -> out.problem("`" + pr.render() + "`"));
    List<SlashCommand> commands =
        parsed instanceof ParseResult.Parsed ok ? ok.commands() : List.of();
    List<ParseResult.Problem> problems =
        parsed instanceof ParseResult.Parsed ok2
            ? ok2.problems()
            : ((ParseResult.Invalid) parsed).problems();
    problems.forEach(pr -> out.confused("`" + abbreviate(pr.text()) + "`: " + pr.reply()));
    List<Long> started = new ArrayList<>();
    for (SlashCommand c : commands) {
      handleOne(c, who, repo, view, d, p, commentId, eyes, out).ifPresent(started::add);
    }
    int queued = started.size();
    if (!out.isEmpty()) {
      replies.post(repo, p, d.id(), firstLine(parsed), out.markdown(), retry);
    }
    String reaction =
        out.refused
            ? Reactions.FAILED
            : out.confused && commands.isEmpty() ? Reactions.CONFUSED : Reactions.DONE;
    if (queued == 0 || out.refused || out.confused) {
      // Runs add their own final reaction when they end; without runs, this is the end.
      if (queued == 0) {
        reactions.finish(repo, commentId, reaction, eyes, context);
      } else {
        reactions.add(repo, commentId, reaction, context);
      }
    }
    return new DeliveryHandler.Outcome(
        "commands",
        commands.size()
            + " command(s), "
            + queued
            + " run(s) queued, "
            + problems.size()
            + " not understood",
        started);
  }

  /** The run queued, if one was. */
  private Optional<Long> handleOne(
      SlashCommand c,
      Requester who,
      Repo repo,
      RepositoryCatalogs.View view,
      Delivery d,
      JsonNode p,
      long commentId,
      Optional<Long> eyes,
      Sections out) {
    int issue = p.path("issue").path("number").asInt();
    String appLogin = identity.loginOrUnknown();
    switch (c.name()) {
      case "approve":
      case "reject":
      case "cancel":
        Decisions.Answer a = decisions.decide(c, who, repo.fullName(), issue, view, appLogin);
        if (a.refused()) {
          out.refuse(a.text());
        } else {
          out.answer(a.text());
        }
        return Optional.empty();
      case "run":
        return run((SlashCommand.Run) c, who, repo, view, d, p, commentId, eyes, out);
      default:
        Decision allowed =
            CommandPolicy.decide(c, who, Optional.empty(), Optional.empty(), appLogin);
        if (!allowed.allowed()) {
          out.refuse(reason(allowed));
          return Optional.empty();
        }
        out.answer(builtIns.answer(c, view, repo.fullName()));
        return Optional.empty();
    }
  }

  private Optional<Long> run(
      SlashCommand.Run c,
      Requester who,
      Repo repo,
      RepositoryCatalogs.View view,
      Delivery d,
      JsonNode p,
      long commentId,
      Optional<Long> eyes,
      Sections out) {
    Mission m = view.mission(c.mission()).orElseThrow();
    Decision allowed =
        CommandPolicy.decide(
            c,
            who,
            Optional.of(
                new CommandPolicy.MissionRule(
                    m.name(), Permission.of(m.permission()), m.allowSelfApproval())),
            Optional.empty(),
            identity.loginOrUnknown());
    if (!allowed.allowed()) {
      out.refuse(reason(allowed));
      return Optional.empty();
    }
    Arguments.Resolved args = Arguments.resolve(m, c.arguments());
    if (args instanceof Arguments.Resolved.Invalid inv) {
      out.refuse("`" + m.name() + "` was not started: " + String.join("; ", inv.problems()));
      return Optional.empty();
    }
    JsonNode issue = p.path("issue");
    RunRequests.Origin origin =
        new RunRequests.Origin(
            d.installationId().orElse(0L),
            repo.fullName(),
            Optional.of(issue.path("number").asInt()),
            Optional.empty(),
            "command:" + c.via() + " by @" + who.login(),
            who.login(),
            "comment:" + commentId + ":" + c.line(),
            true,
            d.id(),
            Optional.of(commentId),
            eyes);
    MissionQueue.Offer offer =
        runs.request(m, ((Arguments.Resolved.Ok) args).arguments(), p, origin);
    if (offer instanceof MissionQueue.Offer.Full f) {
      out.refuse("`" + m.name() + "` was not started: " + f.reason() + ". Try again later.");
      return Optional.empty();
    }
    return offer instanceof MissionQueue.Offer.Queued q ? Optional.of(q.runId()) : Optional.empty();
  }

  private static String reason(Decision d) {
    return d instanceof Decision.Refuse r ? r.reason() : "not allowed";
  }

  private static Vocabulary vocabulary(List<Mission> missions) {
    Map<String, String> commands = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (Mission m : missions) {
      names.add(m.name());
      m.commands().forEach(cmd -> commands.put(cmd, m.name()));
    }
    return Vocabulary.of(names, commands);
  }

  private static int firstLine(ParseResult parsed) {
    if (parsed instanceof ParseResult.Parsed ok && !ok.commands().isEmpty()) {
      return ok.commands().get(0).line();
    }
    List<ParseResult.Problem> problems =
        parsed instanceof ParseResult.Parsed ok2
            ? ok2.problems()
            : ((ParseResult.Invalid) parsed).problems();
    return problems.isEmpty() ? 1 : problems.get(0).line();
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** The parts of one combined reply. */
  private static final class Sections {
    private final List<String> parts = new ArrayList<>();
    boolean refused;
    boolean confused;

    void answer(String md) {
      parts.add(md);
    }

    void refuse(String text) {
      refused = true;
      parts.add("⛔ " + text);
    }

    void confused(String text) {
      confused = true;
      parts.add("😕 " + text);
    }

    void problem(String text) {
      confused = true;
      parts.add("⚠️ " + text);
    }

    boolean isEmpty() {
      return parts.isEmpty();
    }

    String markdown() {
      return String.join("\n\n---\n\n", parts);
    }
  }
}
