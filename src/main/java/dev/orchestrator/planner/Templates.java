package dev.orchestrator.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.orchestrator.mission.TemplateRef;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates mission templates: {@code ${event.<path>}}, {@code ${args.<name>}}, {@code
 * ${steps.<id>.output.<path>}}, {@code ${item.<path>}} and {@code ${days_ago(<n>)}}. A string that
 * is exactly one reference keeps the referenced JSON type (a number stays a number, a list a list);
 * references inside longer text are interpolated as text. Any unresolved reference throws {@link
 * TemplateException} naming it.
 */
public final class Templates {
  private static final Pattern REF = Pattern.compile("\\$\\{\\s*([^}]*?)\\s*}");
  private static final Pattern DAYS_AGO = Pattern.compile("days_ago\\(\\s*([^)]*?)\\s*\\)");
  private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*|\\d+");

  private final JsonNode scope;
  private final Clock clock;

  /**
   * @param scope an object with {@code event}, {@code args}, {@code steps} ({@code id → {output}})
   *     and, inside {@code for_each}, {@code item}
   */
  public Templates(JsonNode scope, Clock clock) {
    this.scope = scope;
    this.clock = clock;
  }

  /** Evaluates every string inside {@code node}, recursively; returns a new tree. */
  public JsonNode evaluate(JsonNode node) {
    if (node == null || node.isNull()) {
      return node;
    }
    if (node.isTextual()) {
      return evaluateText(node.asText());
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode child : node) {
        out.add(evaluate(child));
      }
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.set(e.getKey(), evaluate(e.getValue()));
      }
      return out;
    }
    return node;
  }

  private JsonNode evaluateText(String text) {
    Matcher m = REF.matcher(text);
    if (m.matches()) {
      return resolve(m.group(1));
    }
    StringBuilder out = new StringBuilder();
    int last = 0;
    m.reset();
    while (m.find()) {
      out.append(text, last, m.start());
      JsonNode v = resolve(m.group(1));
      out.append(v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
      last = m.end();
    }
    out.append(text.substring(last));
    return TextNode.valueOf(out.toString());
  }

  /** Resolves one reference, e.g. {@code event.issue.number} or {@code days_ago(args.days)}. */
  public JsonNode resolve(String expression) {
    Matcher days = DAYS_AGO.matcher(expression);
    if (days.matches()) {
      String arg = days.group(1);
      // digits are a literal day count; anything else is a reference to one (a user's argument)
      JsonNode n = arg.matches("\\d+") ? TextNode.valueOf(arg) : resolve(arg);
      String digits =
          n.isIntegralNumber() ? n.bigIntegerValue().toString() : n.isTextual() ? n.asText() : "";
      // bounded, since the count may be the user's input and a date holds only so many days
      if (!digits.matches("\\d{1,6}") || Long.parseLong(digits) > TemplateRef.MAX_DAYS) {
        throw new TemplateException(
            "days_ago("
                + arg
                + "): expected a whole number of days from 0 to "
                + TemplateRef.MAX_DAYS
                + ", found "
                + n);
      }
      long count = Long.parseLong(digits);
      LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(count);
      return TextNode.valueOf(day.toString());
    }
    String[] parts = expression.split("\\.", -1);
    String root = parts[0];
    if (!scope.has(root) || !java.util.Set.of("event", "args", "steps", "item").contains(root)) {
      throw new TemplateException(
          "unresolved reference ${"
              + expression
              + "}: \""
              + root
              + "\" is not available here"
              + (root.equals("item") ? " (item exists only inside for_each)" : ""));
    }
    JsonNode cur = scope.get(root);
    StringBuilder walked = new StringBuilder(root);
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      if (!PATH.matcher(p).matches()) {
        throw new TemplateException(
            "unresolved reference ${" + expression + "}: bad path segment \"" + p + "\"");
      }
      // an index too long for an int is past the end of any list
      JsonNode next =
          cur.isArray() && p.matches("\\d{1,9}") ? cur.get(Integer.parseInt(p)) : cur.get(p);
      if (next == null || next.isMissingNode()) {
        throw new TemplateException(
            "unresolved reference ${" + expression + "}: " + walked + " has no \"" + p + "\"");
      }
      walked.append('.').append(p);
      cur = next;
    }
    return cur; // a present null (an issue without a body) is a value, not a missing reference
  }
}
