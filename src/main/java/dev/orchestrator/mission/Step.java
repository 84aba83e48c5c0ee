package dev.orchestrator.mission;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a deterministic mission.
 *
 * @param number 1-based position in {@code steps}
 * @param id the name later steps use in {@code ${steps.<id>.output}}
 * @param tool a tool in the mission's {@code allowed_tools}
 * @param args the arguments as written (a JSON object; strings may hold templates)
 * @param templates every string in {@code args} that holds a reference, by its JSON Pointer into
 *     {@code args}, in document order; the runtime resolves these and leaves the rest as written
 * @param forEach the list to iterate: the step runs once per element, {@code ${item}} being it
 */
public record Step(
    int number,
    Optional<String> id,
    String tool,
    JsonNode args,
    Map<JsonPointer, Template> templates,
    Optional<TemplateRef> forEach) {

  public Step {
    if (!args.isObject()) {
      throw new IllegalArgumentException("step args must be an object, found " + args);
    }
    args = args.deepCopy();
    templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
  }

  /** A copy: JSON trees are mutable and a mission is not. */
  @Override
  public JsonNode args() {
    return args.deepCopy();
  }

  /** How messages name it: {@code step 2} or {@code step 2 (stale)}. */
  public String label() {
    return "step " + number + id.map(i -> " (" + i + ")").orElse("");
  }
}
