package dev.orchestrator.mission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {
  private static Template ok(String text) {
    Template.Parsed parsed = Template.parse(text);
    assertThat(parsed).isInstanceOf(Template.Ok.class);
    return ((Template.Ok) parsed).template();
  }

  private static String malformed(String text) {
    Template.Parsed parsed = Template.parse(text);
    assertThat(parsed).isInstanceOf(Template.Malformed.class);
    return ((Template.Malformed) parsed).message();
  }

  @Test
  void splitsTextAndReferences() {
    Template t = ok("is:open updated:<${days_ago(args.days)} by ${event.sender.login}");

    assertThat(t.parts())
        .containsExactly(
            new Template.Text("is:open updated:<"),
            new Template.Ref(new TemplateRef.DaysAgoArg("days")),
            new Template.Text(" by "),
            new Template.Ref(new TemplateRef.Event(List.of("sender", "login"))));
    assertThat(t.single()).isEmpty();
    assertThat(t.source())
        .isEqualTo("is:open updated:<${days_ago(args.days)} by ${event.sender.login}");
  }

  @Test
  void readsEveryForm() {
    assertThat(ok("${event.issue.number}").single())
        .contains(new TemplateRef.Event(List.of("issue", "number")));
    assertThat(ok("${args.days}").single()).contains(new TemplateRef.Arg("days"));
    assertThat(ok("${steps.stale.output.items}").single())
        .contains(new TemplateRef.StepOutput("stale", List.of("items")));
    assertThat(ok("${steps.stale.output}").single())
        .contains(new TemplateRef.StepOutput("stale", List.of()));
    assertThat(ok("${item}").single()).contains(new TemplateRef.Item(List.of()));
    assertThat(ok("${item.labels.0.name}").single())
        .contains(new TemplateRef.Item(List.of("labels", "0", "name")));
    assertThat(ok("${days_ago(30)}").single()).contains(new TemplateRef.DaysAgo(30));
    assertThat(ok("${ days_ago( args.days ) }").single())
        .contains(new TemplateRef.DaysAgoArg("days"));
  }

  @Test
  void referencesSayWhatTheyRead() {
    TemplateRef step = new TemplateRef.StepOutput("s", List.of("a"));
    assertThat(step.text()).isEqualTo("steps.s.output.a");
    assertThat(step.stepId()).contains("s");
    assertThat(new TemplateRef.DaysAgoArg("d").argument()).contains("d");
    assertThat(new TemplateRef.Item(List.of()).usesItem()).isTrue();
    assertThat(new TemplateRef.Event(List.of("x")).argument()).isEmpty();
  }

  @Test
  void doubledDollarWritesALiteralReferenceOpener() {
    Template t = ok("cost: $5, literal $${event.x}");

    assertThat(t.parts()).containsExactly(new Template.Text("cost: $5, literal ${event.x}"));
    assertThat(t.references()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "${}|malformed reference \"${}\": an empty reference; expected event.<path>, args.<name>,"
            + " steps.<id>.output[.<path>], item[.<path>] or days_ago(<days>)",
        "${event}|malformed reference \"${event}\": \"event\" needs a path such as"
            + " event.issue.number",
        "${args.a.b}|malformed reference \"${args.a.b}\": expected args.<name>, found \"args.a.b\"",
        "${steps.x.result}|malformed reference \"${steps.x.result}\": expected"
            + " steps.<id>.output[.<path>], found \"steps.x.result\"",
        "${event..x}|malformed reference \"${event..x}\": \"event..x\" is not a dotted path of"
            + " names; expected event.<path>, args.<name>, steps.<id>.output[.<path>],"
            + " item[.<path>] or days_ago(<days>)",
        "${days_ago(-1)}|malformed reference \"${days_ago(-1)}\": days_ago takes a whole number of"
            + " days or args.<name>, found \"-1\"",
        "${days_ago(100000)}|malformed reference \"${days_ago(100000)}\": days_ago takes a whole"
            + " number of days or args.<name>, found \"100000\"",
        "${days_ago 3}|malformed reference \"${days_ago 3}\": expected days_ago(<days>), found"
            + " \"days_ago 3\"",
        "a ${event.x|unclosed \"${\" in \"a ${event.x\"",
        "${event.${x}}|a reference cannot contain \"${\": \"${event.${x}}\""
      })
  void malformedTemplatesSayWhy(String text, String message) {
    assertThat(malformed(text)).isEqualTo(message);
  }
}
