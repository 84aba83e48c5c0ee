package dev.orchestrator.mission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a template may refer to at a given step: declared arguments, the ids of earlier steps, and
 * the {@code for_each} item. Reports malformed templates and references out of scope.
 */
final class TemplateScope {
  private final Problems problems;
  private final Map<String, ArgumentSpec> arguments;
  private final Map<String, Integer> allSteps; // every id written, with its step number
  private final List<String> earlier = new ArrayList<>();
  private int current; // the number of the step being checked

  TemplateScope(Problems problems, Map<String, ArgumentSpec> arguments, Map<String, Integer> all) {
    this.problems = problems;
    this.arguments = arguments;
    this.allSteps = all;
  }

  /** Called before each step's templates are checked. */
  void enterStep(int number) {
    current = number;
  }

  /** Called after each step: later steps may read its output. */
  void declareStep(String id) {
    earlier.add(id);
  }

  Optional<Template> parse(String text, Located<String> where, String label) {
    Template.Parsed parsed = Template.parse(text);
    if (parsed instanceof Template.Malformed m) {
      problems.at(where, label + ": " + m.message());
      return Optional.empty();
    }
    return Optional.of(((Template.Ok) parsed).template());
  }

  /** Whether {@code ref} can be resolved here; reports it when not. */
  boolean check(TemplateRef ref, Located<String> where, String label, boolean inForEach) {
    String prefix = label + ": \"${" + ref.text() + "}\" ";
    if (ref.argument().isPresent()) {
      String name = ref.argument().get();
      ArgumentSpec spec = arguments.get(name);
      if (spec == null) {
        problems.at(
            where,
            prefix
                + "reads argument "
                + Words.quote(name)
                + ", which is not declared"
                + Words.thenSuggest(name, arguments.keySet())
                + " declare it under \"arguments\"");
        return false;
      }
      if (ref instanceof TemplateRef.DaysAgoArg && !wholeDays(spec.defaultValue())) {
        problems.at(
            where,
            prefix
                + "needs a whole number of days, but "
                + Words.quote(name)
                + " defaults to "
                + spec.defaultValue().map(JsonNode::toString).orElse("nothing"));
        return false;
      }
    }
    if (ref.stepId().isPresent() && !earlier.contains(ref.stepId().get())) {
      String id = ref.stepId().get();
      Integer number = allSteps.get(id);
      String why;
      if (number == null) {
        why =
            "reads step "
                + Words.quote(id)
                + ", but no earlier step has that id"
                + Words.didYouMean(id, earlier);
      } else if (number == current) {
        why = "reads its own step's output, which does not exist yet";
      } else {
        why = "reads step " + Words.quote(id) + ", which runs later (step " + number + ")";
      }
      problems.at(where, prefix + why);
      return false;
    }
    if (ref.usesItem() && !inForEach) {
      problems.at(where, prefix + "is only available in a step with \"for_each\"");
      return false;
    }
    return true;
  }

  /** A default fit for days_ago: absent (the caller gives it) or a whole number from 0. */
  private static boolean wholeDays(Optional<JsonNode> value) {
    return value
        .map(
            v ->
                v.isIntegralNumber()
                    && v.canConvertToInt()
                    && v.intValue() >= 0
                    && v.intValue() <= TemplateRef.MAX_DAYS)
        .orElse(true);
  }
}
