package dev.orchestrator.mission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One broken mission per row, each with the exact position and message it must produce. */
class MissionLoaderErrorsTest {
  private static final String ALLOWED =
      "name, description, goal, triggers, planner, allowed_tools, max_steps, requires_approval,"
          + " permission, priority, timeout, budget, arguments, steps, report,"
          + " allow_self_approval, approval_timeout";

  /** A valid deterministic mission; rows append to it or replace parts of it. */
  private static final String BASE =
      """
      name: demo
      description: A demo mission
      planner: deterministic
      allowed_tools: [get_issue, add_labels]
      steps:
        - id: issue
          tool: get_issue
          args: { number: "${event.issue.number}" }
      """;

  static Stream<Arguments> rows() {
    return Stream.of(
        row(
            "unknown key, near a known one",
            BASE + "priorty: low\n",
            "9:1: unknown key \"priorty\"; did you mean \"priority\"? allowed keys: " + ALLOWED),
        row(
            "unknown key, far from every known one",
            BASE + "colour: red\n",
            "9:1: unknown key \"colour\"; allowed keys: " + ALLOWED),
        row(
            "unknown key in a step",
            BASE.replace("    tool: get_issue", "    tool: get_issue\n    tol: x"),
            "8:5: unknown key \"tol\" in step 1; did you mean \"tool\"? allowed keys: id, tool,"
                + " args, for_each"),
        row(
            "wrong type",
            BASE + "max_steps: ten\n",
            "9:12: \"max_steps\": expected a whole number, found \"ten\""),
        row(
            "wrong type: a list where text belongs",
            BASE.replace("description: A demo mission", "description: [a, b]"),
            "2:14: \"description\": expected text, found a list"),
        row(
            "missing planner",
            BASE.replace("planner: deterministic\n", ""),
            "1:1: missing required key \"planner\""),
        row(
            "missing goal and description",
            BASE.replace("description: A demo mission\n", ""),
            "1:1: missing required key \"goal\" or \"description\": say what it does"),
        row(
            "missing tool in a step",
            BASE.replace("    tool: get_issue\n", ""),
            "6:5: missing required key \"tool\" in step 1"),
        row(
            "unknown tool",
            BASE.replace("[get_issue, add_labels]", "[get_issue, get_issues]"),
            "4:28: \"allowed_tools\": unknown tool \"get_issues\"; did you mean \"get_issue\"?"),
        row(
            "step tool not in allowed_tools",
            BASE.replace("tool: get_issue", "tool: post_comment"),
            "7:11: step 1 \"tool\": \"post_comment\" is not in allowed_tools (get_issue,"
                + " add_labels)"),
        row(
            "deterministic without steps",
            BASE.substring(0, BASE.indexOf("steps:")),
            "3:10: deterministic missions need \"steps\""),
        row(
            "llm with steps",
            BASE.replace("planner: deterministic", "planner: llm"),
            "5:1: \"steps\" is for deterministic missions; an llm mission's model plans its"
                + " steps"),
        row(
            "budget on a deterministic mission",
            BASE + "budget: { tokens: 1000 }\n",
            "9:1: \"budget\" is for llm missions; a deterministic mission calls no model"),
        row(
            "bad duration",
            BASE + "timeout: 2 minutes\n",
            "9:10: \"timeout\": expected a positive duration such as 90s, 5m or 24h (units ms s m"
                + " h d), found \"2 minutes\""),
        row(
            "zero duration",
            BASE + "approval_timeout: 0s\n",
            "9:19: \"approval_timeout\": expected a positive duration such as 90s, 5m or 24h"
                + " (units ms s m h d), found \"0s\""),
        row(
            "bad priority",
            BASE + "priority: urgent\n",
            "9:11: \"priority\": expected one of high, normal, low, found \"urgent\""),
        row(
            "bad permission, near a known one",
            BASE + "permission: writer\n",
            "9:13: \"permission\": expected one of read, triage, write, maintain, admin, found"
                + " \"writer\"; did you mean \"write\"?"),
        row(
            "max_steps out of range",
            BASE + "max_steps: 0\n",
            "9:12: \"max_steps\": expected 1 to 1000, found 0"),
        row(
            "duplicate step ids",
            BASE + "  - id: issue\n    tool: add_labels\n",
            "9:9: step 2 \"id\": duplicate step id \"issue\" (first at 6:9)"),
        row(
            "name equal to a built-in command",
            BASE.replace("name: demo", "name: help"),
            "1:7: \"name\": \"help\" is a built-in command (help missions run status history"
                + " approve reject cancel explain); choose another name"),
        row(
            "command equal to a built-in command",
            BASE + "triggers:\n  - command: status\n",
            "10:14: trigger 1 \"command\": \"status\" is a built-in command (help missions run"
                + " status history approve reject cancel explain); choose another name"),
        row(
            "YAML syntax error",
            BASE.replace("description: A demo mission", "description: A: demo: mission"),
            "2:15: invalid YAML: mapping values are not allowed here"),
        row("duplicate key", BASE + "name: again\n", "9:1: duplicate key \"name\" (first at 1:1)"),
        row(
            "unknown event",
            BASE + "triggers:\n  - event: isues.opened\n",
            "10:12: trigger 1 \"event\": unknown event \"isues\"; did you mean \"issues\"? known"
                + " events: issues, issue_comment, pull_request, pull_request_review,"
                + " pull_request_review_comment, discussion, discussion_comment, release,"
                + " check_run, check_suite, workflow_run"),
        row(
            "unknown action",
            BASE + "triggers:\n  - event: issues.openned\n",
            "10:12: trigger 1 \"event\": \"issues\" has no action \"openned\"; did you mean"
                + " \"opened\"? its actions: opened, edited, deleted, transferred, pinned,"
                + " unpinned, closed, reopened, assigned, unassigned, labeled, unlabeled, locked,"
                + " unlocked, milestoned, demilestoned, typed, untyped"),
        row(
            "label condition on an event without a label",
            BASE + "triggers:\n  - event: issues.opened\n    label: bug\n",
            "11:12: trigger 1 \"label\": only \"labeled\" and \"unlabeled\" events name a label,"
                + " not \"opened\""),
        row(
            "a trigger with both event and command",
            BASE + "triggers:\n  - event: issues.opened\n    command: go\n",
            "10:5: trigger 1: a trigger has one of \"event\", \"command\" or \"schedule\""),
        row(
            "a trigger with both schedule and event",
            BASE + "triggers:\n  - schedule: \"0 * * * *\"\n    event: issues.opened\n",
            "10:5: trigger 1: a trigger has one of \"event\", \"command\" or \"schedule\""),
        row(
            "a trigger of no known kind",
            BASE + "triggers:\n  - cron: \"0 * * * *\"\n",
            "10:5: trigger 1: expected \"event: <event>.<action>\", \"command: <name>\" or"
                + " \"schedule: <cron>\" in a trigger"),
        row(
            "schedule: a minute out of range",
            BASE + "triggers:\n  - schedule: \"61 * * * *\"\n    repositories: [octo/repo]\n",
            "10:15: trigger 1 \"schedule\": expected five cron fields (minute hour day-of-month"
                + " month day-of-week) such as \"0 * * * *\", found \"61 * * * *\": Value 61 not in"
                + " range [0, 59]"),
        row(
            "schedule: too few fields",
            BASE + "triggers:\n  - schedule: \"0 9 *\"\n    repositories: [octo/repo]\n",
            "10:15: trigger 1 \"schedule\": expected five cron fields (minute hour day-of-month"
                + " month day-of-week) such as \"0 * * * *\", found \"0 9 *\": Cron expression"
                + " contains 3 parts but we expect one of [5]"),
        row(
            "schedule: a date that never comes",
            BASE + "triggers:\n  - schedule: \"0 0 31 2 *\"\n    repositories: [octo/repo]\n",
            "10:15: trigger 1 \"schedule\": \"0 0 31 2 *\" never fires (no such date)"),
        row(
            "schedule: an unknown time zone, near a known one",
            BASE
                + "triggers:\n  - schedule: \"0 9 * * *\"\n    timezone: Europe/Pariss\n"
                + "    repositories: [octo/repo]\n",
            "11:15: trigger 1 \"timezone\": unknown time zone \"Europe/Pariss\"; did you mean"
                + " \"Europe/Paris\"? use an IANA name such as \"Europe/Paris\" or \"UTC\""),
        row(
            "schedule: an unknown time zone",
            BASE
                + "triggers:\n  - schedule: \"0 9 * * *\"\n    timezone: Moon/Base\n"
                + "    repositories: [octo/repo]\n",
            "11:15: trigger 1 \"timezone\": unknown time zone \"Moon/Base\"; use an IANA name"
                + " such as \"Europe/Paris\" or \"UTC\""),
        row(
            "schedule without repositories",
            BASE + "triggers:\n  - schedule: \"0 * * * *\"\n",
            "10:5: missing required key \"repositories\" in trigger 1: the owner/repo names the"
                + " schedule runs on"),
        row(
            "schedule with an empty repository list",
            BASE + "triggers:\n  - schedule: \"0 * * * *\"\n    repositories: []\n",
            "11:5: trigger 1 \"repositories\": list at least one owner/repo"),
        row(
            "schedule with a repository that is not owner/repo",
            BASE + "triggers:\n  - schedule: \"0 * * * *\"\n    repositories: [octo/a, octo]\n",
            "11:28: trigger 1 \"repositories\": expected owner/repo, found \"octo\""),
        row(
            "schedule with a repository listed twice",
            BASE
                + "triggers:\n  - schedule: \"0 * * * *\"\n"
                + "    repositories: [octo/a, Octo/A]\n",
            "11:28: trigger 1 \"repositories\": \"Octo/A\" is listed twice (first at 11:20)"),
        row(
            "schedule with an unknown key",
            BASE
                + "triggers:\n  - schedule: \"0 * * * *\"\n    repositories: [octo/a]\n"
                + "    timezon: UTC\n",
            "12:5: unknown key \"timezon\" in trigger 1; did you mean \"timezone\"? allowed keys:"
                + " schedule, timezone, repositories"),
        row(
            "the same schedule twice",
            BASE
                + "triggers:\n  - schedule: \"0 * * * *\"\n    repositories: [octo/a]\n"
                + "  - schedule: \"0 * * * *\"\n    repositories: [octo/a]\n",
            "12:15: trigger 2 \"schedule\": \"0 * * * *\" is listed twice (first at 10:15)"),
        row(
            "schedule on a mission with an argument without a default",
            BASE
                + "arguments:\n  days: { description: d }\n"
                + "triggers:\n  - schedule: \"0 * * * *\"\n    repositories: [octo/a]\n",
            "12:15: trigger 1 \"schedule\": a scheduled run is given no arguments, so every"
                + " argument needs a default; missing for days"),
        row(
            "a trigger that is text",
            BASE + "triggers: [issues.opened]\n",
            "9:12: trigger 1: expected a mapping of keys, found \"issues.opened\""),
        row(
            "a step argument that is not a mapping",
            BASE.replace("args: { number: \"${event.issue.number}\" }", "args: 12"),
            "8:11: step 1 \"args\": expected a mapping of keys, found 12"),
        row(
            "an argument without a description",
            BASE + "arguments:\n  days: { default: 3 }\n",
            "10:9: missing required key \"description\" in argument \"days\""),
        row(
            "an argument default that is a list",
            BASE + "arguments:\n  days: { description: d, default: [1] }\n",
            "10:36: argument \"days\" \"default\": expected text, a number or true/false, found a"
                + " list"),
        row(
            "template: undeclared argument",
            BASE.replace("${event.issue.number}", "${args.number}"),
            "8:21: step 1 \"args.number\": \"${args.number}\" reads argument \"number\", which is"
                + " not declared; declare it under \"arguments\""),
        row(
            "template: unknown root, near a known one",
            BASE.replace("${event.issue.number}", "${events.issue.number}"),
            "8:21: step 1 \"args.number\": malformed reference \"${events.issue.number}\": unknown"
                + " root \"events\"; did you mean \"event\"? expected event.<path>, args.<name>,"
                + " steps.<id>.output[.<path>], item[.<path>] or days_ago(<days>)"),
        row(
            "template: unclosed",
            BASE.replace("${event.issue.number}", "${event.issue.number"),
            "8:21: step 1 \"args.number\": unclosed \"${\" in \"${event.issue.number\""),
        row(
            "template: a step that runs later",
            BASE.replace("${event.issue.number}", "${steps.label.output.number}")
                + "  - id: label\n    tool: add_labels\n",
            "8:21: step 1 \"args.number\": \"${steps.label.output.number}\" reads step \"label\","
                + " which runs later (step 2)"),
        row(
            "template: a step reading its own output",
            BASE.replace("${event.issue.number}", "${steps.issue.output.number}"),
            "8:21: step 1 \"args.number\": \"${steps.issue.output.number}\" reads its own step's"
                + " output, which does not exist yet"),
        row(
            "template: an id no step has",
            BASE + "  - tool: add_labels\n    args: { number: \"${steps.isue.output.number}\" }\n",
            "10:21: step 2 \"args.number\": \"${steps.isue.output.number}\" reads step \"isue\","
                + " but no earlier step has that id; did you mean \"issue\"?"),
        row(
            "template: item outside for_each",
            BASE.replace("${event.issue.number}", "${item.number}"),
            "8:21: step 1 \"args.number\": \"${item.number}\" is only available in a step with"
                + " \"for_each\""),
        row(
            "template: days_ago of an argument that is not a number",
            BASE.replace("${event.issue.number}", "${days_ago(args.days)}")
                + "arguments:\n  days: { description: idle days, default: soon }\n",
            "8:21: step 1 \"args.number\": \"${days_ago(args.days)}\" needs a whole number of"
                + " days, but \"days\" defaults to \"soon\""),
        row(
            "for_each that is not one reference",
            BASE + "  - tool: add_labels\n    for_each: \"items: ${steps.issue.output.labels}\"\n",
            "10:15: step 2 \"for_each\": expected one reference to a list, such as"
                + " \"${steps.search.output.items}\", found \"items: ${steps.issue.output.labels}\""));
  }

  private static Arguments row(String what, String yaml, String expected) {
    return Arguments.of(what, yaml, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void reportsTheProblemAtItsPosition(String what, String yaml, String expected) {
    LoadResult result =
        MissionLoader.global().loadSources(List.of(new MissionSource("m.yml", yaml)));

    assertThat(result.problems()).extracting(Problem::render).containsExactly("m.yml:" + expected);
    assertThat(result.catalog().isEmpty()).isTrue();
  }

  @org.junit.jupiter.api.Test
  void theBaseMissionIsValid() {
    LoadResult result =
        MissionLoader.global().loadSources(List.of(new MissionSource("m.yml", BASE)));

    assertThat(result.problems()).isEmpty();
    assertThat(result.catalog().byName("demo")).isPresent();
  }
}
