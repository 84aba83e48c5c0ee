package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.testing.TestClock;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TestClock CLOCK = TestClock.at("2026-11-27T10:00:00Z");

  private static JsonNode json(String s) {
    try {
      return JSON.readTree(s.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private final Templates templates =
      new Templates(
          json(
              "{'event': {'issue': {'number': 12, 'title': 'Crash', 'body': null, 'labels': [{'name': 'bug'}]}},"
                  + " 'args': {'days': 30, 'label': 'stale'},"
                  + " 'steps': {'stale': {'output': {'items': [{'number': 1}, {'number': 2}]}}},"
                  + " 'item': {'number': 7}}"),
          CLOCK);

  @Test
  void aWholeReferenceKeepsItsType() {
    assertThat(templates.evaluate(json("'${event.issue.number}'"))).isEqualTo(json("12"));
    assertThat(templates.evaluate(json("'${steps.stale.output.items}'")))
        .isEqualTo(json("[{'number': 1}, {'number': 2}]"));
    assertThat(templates.evaluate(json("'${ item.number }'"))).isEqualTo(json("7"));
    assertThat(templates.evaluate(json("'${event.issue.labels.0.name}'"))).isEqualTo(json("'bug'"));
  }

  @Test
  void referencesInsideTextAreInterpolated() {
    assertThat(
            templates.evaluate(
                json(
                    "{'body': 'Issue #${event.issue.number}: ${event.issue.title}${event.issue.body}'}")))
        .isEqualTo(json("{'body': 'Issue #12: Crash'}"));
    assertThat(
            templates.evaluate(
                json("['is:open updated:<${days_ago(args.days)}', '${days_ago(2)}']")))
        .isEqualTo(json("['is:open updated:<2026-10-28', '2026-11-25']"));
  }

  @Test
  void textWithoutReferencesIsUntouched() {
    JsonNode n = json("{'labels': ['needs-triage'], 'n': 3, 'ok': true, 'none': null}");
    assertThat(templates.evaluate(n)).isEqualTo(n);
  }

  @Test
  void unresolvedReferencesAreNamed() {
    assertThatThrownBy(() -> templates.evaluate(json("'${event.issue.milestone.title}'")))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "unresolved reference ${event.issue.milestone.title}: event.issue has no \"milestone\"");
    assertThatThrownBy(() -> templates.evaluate(json("'${args.dayz}'")))
        .hasMessageContaining("args has no \"dayz\"");
    assertThatThrownBy(() -> templates.evaluate(json("'${steps.nope.output}'")))
        .hasMessageContaining("steps has no \"nope\"");
    assertThatThrownBy(
            () -> new Templates(json("{'event': {}}"), CLOCK).evaluate(json("'${item.number}'")))
        .hasMessageContaining("item exists only inside for_each");
    assertThatThrownBy(() -> templates.evaluate(json("'${days_ago(args.label)}'")))
        .hasMessageContaining("whole number of days");
  }
}
