package dev.orchestrator.mission;

import dev.orchestrator.config.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link RawMission} into a {@link Mission}: names, enumerations, durations, tools, the
 * planner's rules, arguments and steps. Every problem is reported; the mission exists only when the
 * file has none.
 */
final class MissionValidator {
  private final Problems problems;
  private final MissionScope scope;

  private MissionValidator(Problems problems, MissionScope scope) {
    this.problems = problems;
    this.scope = scope;
  }

  static Optional<Mission> validate(RawMission raw, MissionScope scope, Problems problems) {
    return new MissionValidator(problems, scope).mission(raw);
  }

  private Optional<Mission> mission(RawMission raw) {
    raw.name().ifPresent(n -> Names.checkName(n, "\"name\"", problems));
    Optional<String> description = nonBlank(raw.description(), "description");
    Optional<String> goal = nonBlank(raw.goal(), "goal");
    List<Trigger> triggers = TriggerValidator.validate(raw.triggers(), scope, problems);
    Optional<PlannerType> planner = choice(raw.planner(), PlannerType.class, "planner");
    List<String> tools = AllowedTools.validate(raw.allowedTools(), scope, problems);
    int maxSteps = maxSteps(raw.maxSteps());
    Permission permission =
        choice(raw.permission(), Permission.class, "permission")
            .orElse(Mission.defaultPermission(tools));
    Priority priority =
        choice(raw.priority(), Priority.class, "priority").orElse(Mission.DEFAULT_PRIORITY);
    Duration timeout = duration(raw.timeout(), "timeout").orElse(Mission.DEFAULT_TIMEOUT);
    Optional<Duration> approvalTimeout = duration(raw.approvalTimeout(), "approval_timeout");
    ReportPolicy report =
        choice(raw.report(), ReportPolicy.class, "report").orElse(Mission.DEFAULT_REPORT);
    Optional<Budget> budget = raw.budget().flatMap(this::budget);
    Map<String, ArgumentSpec> arguments = ArgumentValidator.validate(raw.arguments(), problems);
    ScheduleValidator.argumentsHaveDefaults(raw.triggers(), arguments, problems);
    List<Step> steps =
        raw.steps()
            .map(s -> StepValidator.validate(s.value(), written(raw), arguments, problems))
            .orElse(List.of());
    planner.ifPresent(p -> plannerRules(p, raw, maxSteps));

    if (!problems.isEmpty() || raw.name().isEmpty() || planner.isEmpty()) {
      return Optional.empty();
    }
    String goalText = goal.or(() -> description).orElseThrow();
    return Optional.of(
        new Mission(
            raw.name().get().value(),
            description.orElseGet(() -> goalText.strip().lines().findFirst().orElse("")),
            goalText,
            triggers,
            planner.get(),
            tools,
            maxSteps,
            raw.requiresApproval().map(Located::value).orElse(Mission.DEFAULT_REQUIRES_APPROVAL),
            permission,
            priority,
            timeout,
            budget,
            arguments,
            steps,
            report,
            raw.allowSelfApproval().map(Located::value).orElse(Mission.DEFAULT_ALLOW_SELF_APPROVAL),
            approvalTimeout,
            scope,
            problems.file()));
  }

  /** Every tool name as written, valid or not: steps are checked against these alone. */
  private static List<String> written(RawMission raw) {
    return raw.allowedTools()
        .map(l -> l.value().stream().map(Located::value).toList())
        .orElse(List.of());
  }

  private Optional<String> nonBlank(Optional<Located<String>> text, String key) {
    if (text.isPresent() && text.get().value().isBlank()) {
      problems.at(text.get(), "\"" + key + "\": must not be empty");
      return Optional.empty();
    }
    return text.map(Located::value);
  }

  private <E extends Enum<E>> Optional<E> choice(
      Optional<Located<String>> text, Class<E> type, String key) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<E> value = Labels.parse(type, text.get().value());
    if (value.isEmpty()) {
      List<String> labels = Labels.all(type);
      problems.at(
          text.get(),
          "\""
              + key
              + "\": expected one of "
              + String.join(", ", labels)
              + ", found "
              + Words.quote(text.get().value())
              + Words.didYouMean(text.get().value(), labels));
    }
    return value;
  }

  private int maxSteps(Optional<Located<Long>> written) {
    if (written.isEmpty()) {
      return Mission.DEFAULT_MAX_STEPS;
    }
    long n = written.get().value();
    if (n < 1 || n > Mission.MAX_MAX_STEPS) {
      problems.at(
          written.get(), "\"max_steps\": expected 1 to " + Mission.MAX_MAX_STEPS + ", found " + n);
      return Mission.MAX_MAX_STEPS; // reported once: checks against it then pass
    }
    return (int) n;
  }

  private Optional<Duration> duration(Optional<Located<String>> text, String key) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> d = Durations.parse(text.get().value()).filter(x -> !x.isZero());
    if (d.isEmpty()) {
      problems.at(
          text.get(),
          "\""
              + key
              + "\": expected a positive duration such as 90s, 5m or 24h (units ms s m h d),"
              + " found "
              + Words.quote(text.get().value()));
    }
    return d;
  }

  private Optional<Budget> budget(RawMission.RawBudget raw) {
    boolean ok = true;
    if (raw.tokens().isPresent() && raw.tokens().get().value() < 1) {
      problems.at(
          raw.tokens().get(),
          "budget \"tokens\": expected at least 1, found " + raw.tokens().get().value());
      ok = false;
    }
    if (raw.usd().isPresent() && raw.usd().get().value().signum() <= 0) {
      problems.at(
          raw.usd().get(),
          "budget \"usd\": expected more than 0, found " + raw.usd().get().value().toPlainString());
      ok = false;
    }
    if (raw.tokens().isEmpty() && raw.usd().isEmpty()) {
      problems.at(raw.line(), raw.column(), "\"budget\": set tokens, usd or both");
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new Budget(
            raw.tokens()
                .map(t -> java.util.OptionalLong.of(t.value()))
                .orElse(java.util.OptionalLong.empty()),
            raw.usd().map(Located::value)));
  }

  private void plannerRules(PlannerType planner, RawMission raw, int maxSteps) {
    Located<String> plannerAt = raw.planner().orElseThrow();
    if (planner == PlannerType.DETERMINISTIC) {
      if (raw.steps().isEmpty()) {
        problems.at(plannerAt, "deterministic missions need \"steps\"");
      } else if (raw.steps().get().value().isEmpty()) {
        problems.at(raw.steps().get(), "\"steps\": list at least one step");
      } else if (raw.steps().get().value().size() > maxSteps) {
        Located<?> at = raw.maxSteps().isPresent() ? raw.maxSteps().get() : raw.steps().get();
        problems.at(
            at,
            "\"max_steps\" is "
                + maxSteps
                + " but there are "
                + raw.steps().get().value().size()
                + " steps");
      }
      raw.budget()
          .ifPresent(
              b ->
                  problems.at(
                      b.line(),
                      b.column(),
                      "\"budget\" is for llm missions; a deterministic mission calls no model"));
    } else if (raw.steps().isPresent()) {
      problems.at(
          raw.steps().get(),
          "\"steps\" is for deterministic missions; an llm mission's model plans its steps");
    }
  }
}
