package dev.orchestrator.dispatch;

import dev.orchestrator.command.CommandPolicy;
import dev.orchestrator.command.Decision;
import dev.orchestrator.command.Requester;
import dev.orchestrator.command.SlashCommand;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.runtime.Approvals;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.runtime.RunStore;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /agent approve|reject|cancel [run-id]}: find the run, check who asks, decide. */
final class Decisions {
  private final RunStore runs;
  private final Approvals approvals;
  private final DecisionEffects effects;

  Decisions(RunStore runs, Approvals approvals, DecisionEffects effects) {
    this.runs = runs;
    this.approvals = approvals;
    this.effects = effects;
  }

  /** The reply line and whether it was done. */
  record Answer(boolean done, boolean refused, String text) {}

  Answer decide(
      SlashCommand c,
      Requester who,
      String repository,
      int issue,
      RepositoryCatalogs.View view,
      String appLogin) {
    Set<RunStatus> waiting =
        "cancel".equals(c.name())
            ? EnumSet.of(RunStatus.QUEUED, RunStatus.BLOCKED)
            : EnumSet.of(RunStatus.BLOCKED);
    Optional<Long> id = runId(c);
    RunRecord run;
    if (id.isPresent()) {
      Optional<RunRecord> found =
          runs.find(id.get())
              .filter(r -> r.repository().map(repository::equalsIgnoreCase).orElse(false));
      if (found.isEmpty()) {
        return new Answer(false, false, "There is no run " + id.get() + " on " + repository + ".");
      }
      run = found.get();
    } else {
      List<RunRecord> candidates = runs.onIssue(repository, issue, waiting);
      if (candidates.size() != 1) {
        return new Answer(
            false,
            false,
            candidates.isEmpty()
                ? "No run on this issue is waiting for `" + c.name() + "`."
                : "Several runs on this issue are waiting ("
                    + ids(candidates)
                    + "); say which: `/agent "
                    + c.name()
                    + " <run-id>`.");
      }
      run = candidates.get(0);
    }
    Optional<Mission> mission = view.mission(run.mission());
    CommandPolicy.MissionRule rule =
        mission
            .map(
                m ->
                    new CommandPolicy.MissionRule(
                        m.name(),
                        dev.orchestrator.command.Permission.of(m.permission()),
                        m.allowSelfApproval()))
            .orElse(
                new CommandPolicy.MissionRule(
                    run.mission(), dev.orchestrator.command.Permission.MAINTAIN, false));
    Decision d = CommandPolicy.decide(c, who, Optional.of(rule), run.requestedBy(), appLogin);
    if (!d.allowed()) {
      return new Answer(false, true, d instanceof Decision.Refuse r ? r.reason() : "not allowed");
    }
    Approvals.Result result;
    switch (c.name()) {
      case "approve":
        result = approvals.approve(run.id(), who.login(), false);
        break;
      case "reject":
        result = approvals.reject(run.id(), who.login(), ((SlashCommand.Reject) c).reason());
        break;
      default:
        result = approvals.cancel(run.id(), who.login(), false);
    }
    if (result.done()) {
      effects.decided(run.id());
    }
    return new Answer(result.done(), false, capitalise(result.message()) + ".");
  }

  private static Optional<Long> runId(SlashCommand c) {
    if (c instanceof SlashCommand.Approve a) {
      return a.runId();
    }
    if (c instanceof SlashCommand.Reject r) {
      return r.runId();
    }
    return ((SlashCommand.Cancel) c).runId();
  }

  private static String ids(List<RunRecord> runs) {
    return String.join(", ", runs.stream().map(r -> "run " + r.id()).toList());
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
