package dev.orchestrator.mission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.tool.Risk;
import dev.orchestrator.tool.ToolNames;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated mission (PRODUCT.md "Missions"), defaults applied. Built only by {@link
 * MissionLoader}; every list and map is unmodifiable.
 *
 * @param description one line for listings; the goal's first line when not written
 * @param goal what the mission is for (the model's instructions for llm missions); the description
 *     when not written
 * @param allowedTools tool names, in the order written
 * @param maxSteps llm: model calls; deterministic: executed steps
 * @param requiresApproval write tools need a human's approval first (destructive ones always do)
 * @param permission the least permission a commenter needs to run it
 * @param budget llm missions only
 * @param arguments by name, in the order written
 * @param steps deterministic missions only (llm missions have none)
 * @param approvalTimeout empty: the configured {@code APPROVAL_TIMEOUT}
 * @param origin the file (or repository path) it was read from, for messages
 */
public record Mission(
    String name,
    String description,
    String goal,
    List<Trigger> triggers,
    PlannerType planner,
    List<String> allowedTools,
    int maxSteps,
    boolean requiresApproval,
    Permission permission,
    Priority priority,
    Duration timeout,
    Optional<Budget> budget,
    Map<String, ArgumentSpec> arguments,
    List<Step> steps,
    ReportPolicy report,
    boolean allowSelfApproval,
    Optional<Duration> approvalTimeout,
    MissionScope scope,
    String origin) {

  public static final int DEFAULT_MAX_STEPS = 10;
  public static final int MAX_MAX_STEPS = 1000; // a ceiling against typos such as 10000
  public static final boolean DEFAULT_REQUIRES_APPROVAL = false;
  public static final Priority DEFAULT_PRIORITY = Priority.NORMAL;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
  public static final ReportPolicy DEFAULT_REPORT = ReportPolicy.FAILURE;
  public static final boolean DEFAULT_ALLOW_SELF_APPROVAL = false;

  public Mission {
    triggers = List.copyOf(triggers);
    allowedTools = List.copyOf(allowedTools);
    arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    steps = List.copyOf(steps);
  }

  /** {@code write} when any allowed tool writes or destroys, else {@code read}. */
  public static Permission defaultPermission(List<String> tools) {
    return highestRisk(tools).compareTo(Risk.WRITE) >= 0 ? Permission.WRITE : Permission.READ;
  }

  private static Risk highestRisk(List<String> tools) {
    Risk highest = Risk.READ;
    for (String t : tools) {
      Risk r = ToolNames.riskOf(t).orElse(Risk.READ);
      if (r.compareTo(highest) > 0) {
        highest = r;
      }
    }
    return highest;
  }

  /** The highest risk among the allowed tools. */
  public Risk highestRisk() {
    return highestRisk(allowedTools);
  }

  public boolean allows(String tool) {
    return allowedTools.contains(tool);
  }

  /** The names of its command triggers ({@code /agent <command>}). */
  public List<String> commands() {
    return triggers.stream().flatMap(t -> t.command().stream()).toList();
  }

  /** The event triggers. */
  public List<Trigger.OnEvent> eventTriggers() {
    return triggers.stream()
        .filter(Trigger.OnEvent.class::isInstance)
        .map(Trigger.OnEvent.class::cast)
        .toList();
  }

  /** The schedule triggers. */
  public List<Trigger.OnSchedule> schedules() {
    return triggers.stream()
        .filter(Trigger.OnSchedule.class::isInstance)
        .map(Trigger.OnSchedule.class::cast)
        .toList();
  }

  /** The arguments that have defaults, with them: what a run without arguments uses. */
  public Map<String, JsonNode> defaultArguments() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    arguments.forEach((name, spec) -> spec.defaultValue().ifPresent(v -> out.put(name, v)));
    return Collections.unmodifiableMap(out);
  }

  /** The arguments a run must be given because they have no default. */
  public List<String> requiredArguments() {
    return arguments.values().stream()
        .filter(a -> a.defaultValue().isEmpty())
        .map(ArgumentSpec::name)
        .toList();
  }

  /** How long an approval request waits: the mission's own, else {@code configured}. */
  public Duration approvalTimeoutOr(Duration configured) {
    return approvalTimeout.orElse(configured);
  }
}
