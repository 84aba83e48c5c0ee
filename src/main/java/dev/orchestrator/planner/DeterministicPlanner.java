package dev.orchestrator.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.Step;
import dev.orchestrator.tool.ToolCall;
import dev.orchestrator.tool.ToolResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a deterministic mission's steps in order, resolving templates against the event, the
 * arguments and earlier outputs; a {@code for_each} step runs once per item. Memory: {@code step}
 * (index of the current step), {@code item} (index inside its for_each), {@code items} (the
 * resolved list), {@code outputs} (step id → output; a list for for_each steps), {@code calls}
 * (calls made), {@code failed} (set when a call failed).
 */
public final class DeterministicPlanner implements Planner {
  private final Mission mission;
  private final JsonNode event;
  private final JsonNode args;
  private final Clock clock;

  public DeterministicPlanner(Mission mission, JsonNode event, JsonNode args, Clock clock) {
    this.mission = mission;
    this.event = event;
    this.args = args;
    this.clock = clock;
  }

  @Override
  public Planned next(ObjectNode m) {
    if (m.has("failed")) {
      JsonNode f = m.get("failed");
      return new Planned.Fail(
          f.path("class").asText(),
          f.path("message").asText(),
          f.path("infrastructure").asBoolean());
    }
    List<Step> steps = mission.steps();
    int stepIndex = m.path("step").asInt(0);
    while (stepIndex < steps.size()) {
      Step step = steps.get(stepIndex);
      try {
        if (step.forEach().isEmpty()) {
          return call(m, step, scope(m, Optional.empty()));
        }
        if (!m.has("items")) {
          JsonNode items =
              templates(scope(m, Optional.empty())).resolve(step.forEach().get().text());
          if (!items.isArray()) {
            return new Planned.Fail(
                "template_error",
                step.label() + ": for_each ${" + step.forEach().get().text() + "} is not a list",
                false);
          }
          m.set("items", items);
          m.put("item", 0);
          outputs(m).set(key(step), JsonNodeFactory.instance.arrayNode());
        }
        ArrayNode items = (ArrayNode) m.get("items");
        int item = m.path("item").asInt(0);
        if (item < items.size()) {
          return call(m, step, scope(m, Optional.of(items.get(item))));
        }
        m.remove("items");
        m.remove("item");
        stepIndex++;
        m.put("step", stepIndex);
      } catch (TemplateException e) {
        return new Planned.Fail("template_error", step.label() + ": " + e.getMessage(), false);
      }
    }
    return new Planned.Finish("");
  }

  private Planned call(ObjectNode m, Step step, JsonNode scope) {
    JsonNode resolved = templates(scope).evaluate(step.args());
    int index = m.path("calls").asInt(0);
    return new Planned.Call(new ToolCall(step.tool(), resolved, index, step.id()));
  }

  @Override
  public void observe(ObjectNode m, ToolCall call, ToolResult result) {
    m.put("calls", m.path("calls").asInt(0) + 1);
    if (!result.ok()) {
      ObjectNode f = m.putObject("failed");
      f.put("class", result.failureClass().orElse("refused"));
      f.put(
          "message",
          "step " + (m.path("step").asInt(0) + 1) + " (" + call.name() + "): " + result.summary());
      f.put("infrastructure", result.infrastructure());
      return;
    }
    Step step = mission.steps().get(m.path("step").asInt(0));
    if (step.forEach().isPresent()) {
      ((ArrayNode) outputs(m).get(key(step))).add(result.output());
      m.put("item", m.path("item").asInt(0) + 1);
    } else {
      outputs(m).set(key(step), result.output());
      m.put("step", m.path("step").asInt(0) + 1);
    }
  }

  @Override
  public List<ToolCall> preview(ObjectNode memory) {
    // Walk a copy forward, pretending each call succeeds with no output; stop at the first
    // reference that needs a real output.
    List<ToolCall> out = new ArrayList<>();
    ObjectNode m = memory.deepCopy();
    m.remove("failed");
    for (int guard = 0; guard < 100; guard++) {
      Planned p = next(m);
      if (!(p instanceof Planned.Call c)) {
        break;
      }
      out.add(c.call());
      observe(m, c.call(), ToolResult.ok(JsonNodeFactory.instance.objectNode()));
    }
    return out;
  }

  private static String key(Step step) {
    return step.id().orElse("#" + step.number());
  }

  private static ObjectNode outputs(ObjectNode m) {
    return m.has("outputs") ? (ObjectNode) m.get("outputs") : m.putObject("outputs");
  }

  private JsonNode scope(ObjectNode m, Optional<JsonNode> item) {
    ObjectNode scope = JsonNodeFactory.instance.objectNode();
    scope.set("event", event);
    scope.set("args", args);
    ObjectNode steps = scope.putObject("steps");
    outputs(m).properties().forEach(e -> steps.putObject(e.getKey()).set("output", e.getValue()));
    item.ifPresent(i -> scope.set("item", i));
    return scope;
  }

  private Templates templates(JsonNode scope) {
    return new Templates(scope, clock);
  }
}
