package dev.orchestrator.mission;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mission as written: every key known and of the right YAML type, each value with its position,
 * nothing checked beyond that. {@link MissionValidator} turns it into a {@link Mission}.
 */
record RawMission(
    YamlNode.Mapping root,
    Optional<Located<String>> name,
    Optional<Located<String>> description,
    Optional<Located<String>> goal,
    List<RawTrigger> triggers,
    Optional<Located<String>> planner,
    Optional<Located<List<Located<String>>>> allowedTools,
    Optional<Located<Long>> maxSteps,
    Optional<Located<Boolean>> requiresApproval,
    Optional<Located<String>> permission,
    Optional<Located<String>> priority,
    Optional<Located<String>> timeout,
    Optional<RawBudget> budget,
    List<RawArgument> arguments,
    Optional<Located<List<RawStep>>> steps,
    Optional<Located<String>> report,
    Optional<Located<Boolean>> allowSelfApproval,
    Optional<Located<String>> approvalTimeout) {

  /** One trigger as written: an event with conditions, or a command. */
  sealed interface RawTrigger permits RawEvent, RawCommand, RawSchedule {}

  /** {@code event: issues.opened} plus conditions such as {@code label: bug}. */
  record RawEvent(Located<String> event, Map<String, Located<String>> conditions)
      implements RawTrigger {}

  /** {@code command: triage}. */
  record RawCommand(Located<String> command) implements RawTrigger {}

  /**
   * {@code schedule: "0 * * * *"} with {@code timezone} and {@code repositories}, positioned at the
   * trigger's first key (where a missing key is reported).
   */
  record RawSchedule(
      Located<String> schedule,
      Optional<Located<String>> timezone,
      Optional<Located<List<Located<String>>>> repositories,
      int line,
      int column)
      implements RawTrigger {}

  /** {@code budget:}, positioned at its key. */
  record RawBudget(
      Optional<Located<Long>> tokens, Optional<Located<BigDecimal>> usd, int line, int column) {}

  /** One entry of {@code arguments:}, positioned at its name. */
  record RawArgument(
      Located<String> name,
      Optional<Located<String>> description,
      Optional<Located<JsonNode>> defaultValue) {}

  /**
   * One step, positioned at its first key; {@code args} keeps the tree so that templates inside it
   * can be reported at their own positions.
   */
  record RawStep(
      int number,
      int line,
      int column,
      Optional<Located<String>> id,
      Optional<Located<String>> tool,
      Optional<YamlNode.Mapping> args,
      Optional<Located<String>> forEach) {}
}
