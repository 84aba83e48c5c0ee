package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.orchestrator.mission.Template;
import dev.orchestrator.testing.TestClock;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Templating under random text: the mission loader's parser ({@link Template#parse}) and the
 * runtime's evaluator ({@link Templates}) answer every string with a value or their own error type,
 * never another exception; text without a reference comes back unchanged; and what the parser
 * accepts, printed back, parses to the same parts.
 */
class TemplatesPropertyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TestClock CLOCK = TestClock.at("2026-11-27T10:00:00Z");
  private static final Templates TEMPLATES =
      new Templates(
          json(
              "{'event': {'issue': {'number': 12, 'title': 'Crash ${x}', 'body': null,"
                  + " 'labels': [{'name': 'bug'}]}},"
                  + " 'args': {'days': 30, 'huge': 99999999999999, 'text': '12', 'neg': -3},"
                  + " 'steps': {'s': {'output': {'items': [{'number': 1}, {'number': 2}]}}},"
                  + " 'item': {'number': 7}}"),
          CLOCK);

  private static JsonNode json(String s) {
    try {
      return JSON.readTree(s.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Property
  void evaluatingAnyTextGivesAValueOrATemplateException(@ForAll("templatish") String text) {
    try {
      JsonNode out = TEMPLATES.evaluate(TextNode.valueOf(text));
      assertThat(out).isNotNull();
      if (!text.contains("${")) {
        assertThat(out).isEqualTo(TextNode.valueOf(text));
      }
    } catch (TemplateException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property
  void parsingAnyTextGivesOkOrMalformed(@ForAll("templatish") String text) {
    Template.Parsed parsed = Template.parse(text);
    if (parsed instanceof Template.Ok ok) {
      assertThat(ok.template().source()).isEqualTo(text);
      Template again = ((Template.Ok) Template.parse(print(ok.template()))).template();
      assertThat(again.parts()).isEqualTo(ok.template().parts());
    } else {
      assertThat(((Template.Malformed) parsed).message()).isNotBlank();
    }
  }

  @Property
  void whatTheLoaderAcceptsTheRuntimeResolvesOrNamesTheReference(
      @ForAll("templatish") String text) {
    if (!(Template.parse(text) instanceof Template.Ok ok)) {
      return;
    }
    for (dev.orchestrator.mission.TemplateRef ref : ok.template().references()) {
      try {
        assertThat(TEMPLATES.resolve(ref.text())).isNotNull();
      } catch (TemplateException e) {
        assertThat(e.getMessage()).contains(ref.text().split("[.(]")[0]);
      }
    }
  }

  /** Found by the properties: a list index too long for an int threw NumberFormatException. */
  @Example
  void anIndexBeyondAnyListIsUnresolved() {
    assertThatThrownBy(() -> TEMPLATES.resolve("event.issue.labels.99999999999"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("has no \"99999999999\"");
  }

  /**
   * Found by the properties: a day count past what a date can hold threw NumberFormatException or
   * DateTimeException; an argument is the user's input, so this must be the run's error, not a bug.
   */
  @Example
  void aDayCountBeyondTheCalendarIsRefused() {
    for (String e :
        List.of("days_ago(99999999999999999999)", "days_ago(args.huge)", "days_ago(args.neg)")) {
      assertThatThrownBy(() -> TEMPLATES.resolve(e))
          .as(e)
          .isInstanceOf(TemplateException.class)
          .hasMessageContaining("days_ago(");
    }
    assertThat(TEMPLATES.resolve("days_ago(args.text)").asText()).isEqualTo("2026-11-15");
  }

  /** The template as a mission author would write it, {@code ${} in literal text escaped. */
  private static String print(Template t) {
    StringBuilder b = new StringBuilder();
    for (Template.Part p : t.parts()) {
      if (p instanceof Template.Text text) {
        b.append(text.text().replace("${", "$${"));
      } else {
        b.append("${").append(((Template.Ref) p).ref().text()).append('}');
      }
    }
    return b.toString();
  }

  /** Text with references, near misses of them and noise. */
  @Provide
  Arbitrary<String> templatish() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(
                "${",
                "$${",
                "}",
                "$",
                "{",
                ".",
                "(",
                ")",
                " ",
                "event",
                "event.issue.number",
                "event.issue.labels.0.name",
                "event.issue.labels.99999999999",
                "event.issue.body",
                "args.days",
                "args.huge",
                "args.neg",
                "args.text",
                "args.nope",
                "steps.s.output",
                "steps.s.output.items.1",
                "steps.x.output",
                "item",
                "item.number",
                "days_ago(",
                "days_ago(3)",
                "days_ago(99999)",
                "days_ago(99999999999999999999)",
                "days_ago(args.days)",
                "days_ago(args.huge)",
                "days_ago(args.neg)",
                "-1",
                "0",
                "99999999999"),
            Arbitraries.strings().withChars("abcdeimnpstuvgorw0123456789_-.${}() ").ofMaxLength(8),
            Arbitraries.strings().ofMaxLength(4));
    return piece.list().ofMaxSize(12).map(parts -> String.join("", parts));
  }
}
