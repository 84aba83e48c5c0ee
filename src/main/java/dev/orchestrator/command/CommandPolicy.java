package dev.orchestrator.command;

import java.util.Optional;

/**
 * PRODUCT.md's "Who may" rules, pure: the caller supplies the requester's permission (from GitHub's
 * collaborator permission endpoint), the mission's required permission where one is involved, and
 * for approvals and cancels who requested the run.
 */
public final class CommandPolicy {
  private CommandPolicy() {}

  /** What a mission requires, as far as the policy is concerned. */
  public record MissionRule(String mission, Permission permission, boolean allowSelfApproval) {}

  /**
   * May {@code who} use {@code command}? {@code mission} is needed for run/approve/reject/cancel.
   */
  public static Decision decide(
      SlashCommand command,
      Requester who,
      Optional<MissionRule> mission,
      Optional<String> runRequester,
      String appLogin) {
    if (who.isBot() || who.login().equalsIgnoreCase(appLogin)) {
      return new Decision.Ignore("commands from bots and from this app are never run");
    }
    switch (command.name()) {
      case "help":
      case "missions":
        return need(who, Permission.READ, "`" + command.name() + "`");
      case "status":
      case "history":
      case "explain":
        return need(who, Permission.TRIAGE, "`" + command.name() + "`");
      case "run":
        return need(
            who,
            rule(mission, command).permission(),
            "running `" + rule(mission, command).mission() + "`");
      case "approve":
      case "reject":
        MissionRule r = rule(mission, command);
        if (!r.allowSelfApproval()
            && runRequester.isPresent()
            && runRequester.get().equalsIgnoreCase(who.login())) {
          return new Decision.Refuse(
              "@"
                  + who.login()
                  + " requested this run and `"
                  + r.mission()
                  + "` does not allow self-approval; another person with "
                  + r.permission().label()
                  + " permission must "
                  + command.name()
                  + " it");
        }
        return need(who, r.permission(), command.name() + " a run of `" + r.mission() + "`");
      case "cancel":
        if (runRequester.isPresent() && runRequester.get().equalsIgnoreCase(who.login())) {
          return new Decision.Allow();
        }
        return need(
            who,
            rule(mission, command).permission(),
            "cancel a run of `" + rule(mission, command).mission() + "`");
      default:
        throw new IllegalArgumentException(
            "no permission rule for command \"" + command.name() + "\"");
    }
  }

  private static MissionRule rule(Optional<MissionRule> mission, SlashCommand command) {
    return mission.orElseThrow(
        () ->
            new IllegalArgumentException(
                "command \"" + command.name() + "\" needs its mission's rule"));
  }

  private static Decision need(Requester who, Permission needed, String what) {
    if (who.permission().includes(needed)) {
      return new Decision.Allow();
    }
    return new Decision.Refuse(
        what
            + " needs "
            + needed.label()
            + " permission on this repository; @"
            + who.login()
            + " has "
            + who.permission().label());
  }
}
