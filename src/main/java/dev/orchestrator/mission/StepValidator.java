package dev.orchestrator.mission;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orchestrator.tool.ToolNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks a deterministic mission's steps: ids, tools, arguments and their templates. */
final class StepValidator {
  private final Problems problems;
  private final List<String> allowedTools;
  private final TemplateScope scope;
  private final Map<String, Located<String>> ids = new HashMap<>();

  private StepValidator(
      Problems problems,
      List<String> allowedTools,
      Map<String, ArgumentSpec> arguments,
      List<RawMission.RawStep> raw) {
    this.problems = problems;
    this.allowedTools = allowedTools;
    Map<String, Integer> written = new HashMap<>();
    for (RawMission.RawStep step : raw) {
      step.id().ifPresent(i -> written.putIfAbsent(i.value(), step.number()));
    }
    this.scope = new TemplateScope(problems, arguments, written);
  }

  /** The valid steps; a step with any problem is reported and left out. */
  static List<Step> validate(
      List<RawMission.RawStep> raw,
      List<String> allowedTools,
      Map<String, ArgumentSpec> arguments,
      Problems problems) {
    StepValidator v = new StepValidator(problems, allowedTools, arguments, raw);
    List<Step> out = new ArrayList<>();
    for (RawMission.RawStep step : raw) {
      v.step(step).ifPresent(out::add);
    }
    return out;
  }

  private Optional<Step> step(RawMission.RawStep raw) {
    int before = problems.size();
    scope.enterStep(raw.number());
    String context = "step " + raw.number();
    Optional<String> id = raw.id().flatMap(i -> id(i, context));
    Optional<String> tool = raw.tool().flatMap(t -> tool(t, context));
    Optional<TemplateRef> forEach = raw.forEach().flatMap(f -> forEach(f, context));
    boolean inForEach = raw.forEach().isPresent();
    Map<JsonPointer, Template> templates = new LinkedHashMap<>();
    JsonNode args = JsonNodeFactory.instance.objectNode();
    if (raw.args().isPresent()) {
      args = raw.args().get().toJson();
      walk(raw.args().get(), JsonPointer.empty(), context + " \"args", inForEach, templates);
    }
    // Declared after its templates are checked: a step cannot read its own output.
    raw.id().ifPresent(i -> scope.declareStep(i.value()));
    if (problems.size() > before || tool.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Step(raw.number(), id, tool.get(), args, templates, forEach));
  }

  private Optional<String> id(Located<String> id, String context) {
    String label = context + " \"id\"";
    if (!Names.STEP_ID.matcher(id.value()).matches()) {
      problems.at(
          id,
          label
              + ": expected letters, digits, \"-\" or \"_\", starting with a letter, found "
              + Words.quote(id.value()));
      return Optional.empty();
    }
    Located<String> first = ids.putIfAbsent(id.value(), id);
    if (first != null) {
      problems.at(
          id,
          label
              + ": duplicate step id "
              + Words.quote(id.value())
              + " (first at "
              + first.position()
              + ")");
      return Optional.empty();
    }
    return Optional.of(id.value());
  }

  private Optional<String> tool(Located<String> tool, String context) {
    String label = context + " \"tool\"";
    if (ToolNames.riskOf(tool.value()).isEmpty()) {
      problems.at(tool, label + ": " + Tools.unknown(tool.value()));
      return Optional.empty();
    }
    if (!allowedTools.contains(tool.value())) {
      problems.at(
          tool,
          label
              + ": "
              + Words.quote(tool.value())
              + " is not in allowed_tools ("
              + String.join(", ", allowedTools)
              + ")");
      return Optional.empty();
    }
    return Optional.of(tool.value());
  }

  private Optional<TemplateRef> forEach(Located<String> text, String context) {
    String label = context + " \"for_each\"";
    Optional<Template> template = scope.parse(text.value(), text, label);
    if (template.isEmpty()) {
      return Optional.empty();
    }
    Optional<TemplateRef> ref = template.get().single();
    if (ref.isEmpty()
        || ref.get() instanceof TemplateRef.DaysAgo
        || ref.get() instanceof TemplateRef.DaysAgoArg) {
      problems.at(
          text,
          label
              + ": expected one reference to a list, such as \"${steps.search.output.items}\","
              + " found "
              + Words.quote(text.value()));
      return Optional.empty();
    }
    return scope.check(ref.get(), text, label, false) ? ref : Optional.empty();
  }

  /** Finds every templated string under {@code node}, checking each where it was written. */
  private void walk(
      YamlNode node,
      JsonPointer at,
      String label,
      boolean inForEach,
      Map<JsonPointer, Template> templates) {
    if (node instanceof YamlNode.Mapping m) {
      for (YamlNode.Entry e : m.entries()) {
        walk(e.value(), at.appendProperty(e.key()), label + "." + e.key(), inForEach, templates);
      }
    } else if (node instanceof YamlNode.Sequence s) {
      for (int i = 0; i < s.items().size(); i++) {
        walk(s.items().get(i), at.appendIndex(i), label + "[" + i + "]", inForEach, templates);
      }
    } else {
      YamlNode.Scalar scalar = (YamlNode.Scalar) node;
      Optional<String> text = scalar.text().filter(Template::mentionsReference);
      if (text.isEmpty()) {
        return;
      }
      Located<String> where = new Located<>(text.get(), scalar.line(), scalar.column());
      String fullLabel = label + "\"";
      Optional<Template> template = scope.parse(text.get(), where, fullLabel);
      if (template.isPresent()) {
        boolean ok = true;
        for (TemplateRef ref : template.get().references()) {
          ok &= scope.check(ref, where, fullLabel, inForEach); // report every bad reference
        }
        if (ok) {
          templates.put(at, template.get());
        }
      }
    }
  }
}
