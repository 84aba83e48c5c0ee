package dev.orchestrator.dispatch;

import dev.orchestrator.command.CommandPolicy;
import dev.orchestrator.command.Permission;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.runtime.RunRecord;
import java.util.Optional;

/** The permission rule of a run's mission; a mission that disappeared needs maintain. */
final class RunLookup {
  private RunLookup() {}

  static CommandPolicy.MissionRule rule(RunRecord run, Optional<Mission> mission) {
    return mission
        .map(
            m ->
                new CommandPolicy.MissionRule(
                    m.name(), Permission.of(m.permission()), m.allowSelfApproval()))
        .orElse(new CommandPolicy.MissionRule(run.mission(), Permission.MAINTAIN, false));
  }
}
