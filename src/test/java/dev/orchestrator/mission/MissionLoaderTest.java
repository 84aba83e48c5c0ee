package dev.orchestrator.mission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.orchestrator.tool.Risk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissionLoaderTest {
  private static final String READER =
      """
      name: reader
      goal: |
        Read an issue.
        Then stop.
      planner: deterministic
      allowed_tools: [get_issue]
      steps:
        - tool: get_issue
          args: { number: "${event.issue.number}" }
      """;

  private static LoadResult load(MissionLoader loader, String... originsAndTexts) {
    List<MissionSource> sources = new java.util.ArrayList<>();
    for (int i = 0; i < originsAndTexts.length; i += 2) {
      sources.add(new MissionSource(originsAndTexts[i], originsAndTexts[i + 1]));
    }
    return loader.loadSources(sources);
  }

  private static List<String> rendered(LoadResult result) {
    return result.problems().stream().map(Problem::render).toList();
  }

  @Test
  void aFileWithSeveralProblemsReportsEveryOneInOrder() {
    String yaml =
        """
        name: Bad Name
        goal: Do things
        planner: llm
        allowed_tools: [get_issue, frobnicate, get_issue]
        priority: urgent
        timeout: soon
        max_steps: -1
        budget: { tokens: 0, usd: 1 }
        extra: 1
        """;

    LoadResult result = load(MissionLoader.global(), "bad.yml", yaml);

    assertThat(result).isInstanceOf(LoadResult.Invalid.class);
    assertThat(rendered(result))
        .containsExactly(
            "bad.yml:1:7: \"name\": expected lowercase letters, digits, \"-\" or \"_\", starting"
                + " with a letter (at most 64), found \"Bad Name\"",
            "bad.yml:4:28: \"allowed_tools\": unknown tool \"frobnicate\"; known tools: get_issue,"
                + " get_pull_request, list_comments, list_pr_files, get_file, search_issues,"
                + " get_health, post_comment, add_labels, remove_label, assign, create_issue,"
                + " create_check_run, close_issue",
            "bad.yml:4:40: \"allowed_tools\": \"get_issue\" is listed twice (first at 4:17)",
            "bad.yml:5:11: \"priority\": expected one of high, normal, low, found \"urgent\"",
            "bad.yml:6:10: \"timeout\": expected a positive duration such as 90s, 5m or 24h"
                + " (units ms s m h d), found \"soon\"",
            "bad.yml:7:12: \"max_steps\": expected 1 to 1000, found -1",
            "bad.yml:8:19: budget \"tokens\": expected at least 1, found 0",
            "bad.yml:9:1: unknown key \"extra\"; allowed keys: name, description, goal, triggers,"
                + " planner, allowed_tools, max_steps, requires_approval, permission, priority,"
                + " timeout, budget, arguments, steps, report, allow_self_approval,"
                + " approval_timeout");
    assertThat(result.catalog().isEmpty()).isTrue();
  }

  @Test
  void everyFileIsReportedInOneRunAndValidFilesStayInThePartialCatalog() {
    LoadResult result =
        load(
            MissionLoader.global(),
            "a.yml",
            "name: a\nplanner: llm\n",
            "b.yml",
            READER,
            "c.yml",
            "- just\n- a list\n");

    assertThat(rendered(result))
        .containsExactly(
            "a.yml:1:1: missing required key \"allowed_tools\"",
            "a.yml:1:1: missing required key \"goal\" or \"description\": say what it does",
            "c.yml:1:1: expected a mission: a mapping of keys such as name, goal, planner; found"
                + " a list");
    assertThat(result.catalog().missions()).extracting(Mission::name).containsExactly("reader");
  }

  @Test
  void aDuplicateNameAcrossFilesIsReportedAtBothDefinitions() {
    LoadResult result =
        load(MissionLoader.global(), "one.yml", READER, "two.yml", "# again\n" + READER);

    assertThat(rendered(result))
        .containsExactly(
            "one.yml:1:7: duplicate mission name \"reader\"; also defined at two.yml:2:7",
            "two.yml:2:7: duplicate mission name \"reader\"; also defined at one.yml:1:7");
    assertThat(result.catalog().isEmpty()).isTrue();
  }

  @Test
  void aCommandClaimedTwiceOrEqualToAnotherMissionsNameIsReportedAtTheCommand() {
    String first = READER + "triggers:\n  - command: look\n";
    String second =
        READER.replace("name: reader", "name: other") + "triggers:\n  - command: look\n";
    String third =
        READER.replace("name: reader", "name: third") + "triggers:\n  - command: reader\n";

    LoadResult result =
        load(MissionLoader.global(), "a.yml", first, "b.yml", second, "c.yml", third);

    assertThat(rendered(result))
        .containsExactly(
            "a.yml:11:14: command \"look\" is also a command of mission \"other\" (b.yml:11:14)",
            "b.yml:11:14: command \"look\" is also a command of mission \"reader\" (a.yml:11:14)",
            "c.yml:11:14: command \"reader\" is also the name of mission \"reader\" (a.yml:1:7)");
  }

  @Test
  void defaultsAreApplied() {
    Mission m = load(MissionLoader.global(), "r.yml", READER).catalog().byName("reader").get();

    assertThat(m.description()).isEqualTo("Read an issue.");
    assertThat(m.goal()).isEqualTo("Read an issue.\nThen stop.\n");
    assertThat(m.triggers()).isEmpty();
    assertThat(m.maxSteps()).isEqualTo(10);
    assertThat(m.requiresApproval()).isFalse();
    assertThat(m.permission()).isEqualTo(Permission.READ);
    assertThat(m.priority()).isEqualTo(Priority.NORMAL);
    assertThat(m.timeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(m.budget()).isEmpty();
    assertThat(m.arguments()).isEmpty();
    assertThat(m.report()).isEqualTo(ReportPolicy.FAILURE);
    assertThat(m.allowSelfApproval()).isFalse();
    assertThat(m.approvalTimeout()).isEmpty();
    assertThat(m.approvalTimeoutOr(Duration.ofHours(24))).isEqualTo(Duration.ofHours(24));
    assertThat(m.scope()).isEqualTo(MissionScope.GLOBAL);
    assertThat(m.origin()).isEqualTo("r.yml");
    assertThat(m.steps()).hasSize(1);
    assertThat(m.steps().get(0).id()).isEmpty();
    assertThat(m.steps().get(0).label()).isEqualTo("step 1");
  }

  @Test
  void writeToolsMakeTheDefaultPermissionWriteAndAnExplicitOneWins() {
    String writer = READER.replace("[get_issue]", "[get_issue, post_comment]");
    String triage = writer + "permission: triage\n";

    assertThat(load(MissionLoader.global(), "w.yml", writer).catalog().byName("reader"))
        .get()
        .extracting(Mission::permission)
        .isEqualTo(Permission.WRITE);
    assertThat(load(MissionLoader.global(), "t.yml", triage).catalog().byName("reader"))
        .get()
        .extracting(Mission::permission)
        .isEqualTo(Permission.TRIAGE);
  }

  @Test
  void everyKeyIsReadWhenWritten() {
    String yaml =
        """
        name: full
        description: Everything set
        goal: Summarize
        triggers:
          - event: pull_request.labeled
            label: "agent:review"
          - command: sum
        planner: llm
        allowed_tools: [get_pull_request, close_issue]
        max_steps: 4
        requires_approval: true
        permission: maintain
        priority: high
        timeout: 5m
        budget: { tokens: 20000, usd: 0.50 }
        arguments:
          depth: { description: how deep to read, default: 2 }
          style: { description: tone of the summary }
        report: always
        allow_self_approval: true
        approval_timeout: 2h
        """;

    Mission m = load(MissionLoader.global(), "f.yml", yaml).catalog().byCommand("sum").get();

    assertThat(m.triggers())
        .containsExactly(
            new Trigger.OnEvent(
                "pull_request", "labeled", java.util.Map.of("label", "agent:review")),
            new Trigger.OnCommand("sum"));
    assertThat(m.triggers())
        .extracting(Trigger::describe)
        .containsExactly("pull_request.labeled [label=agent:review]", "/agent sum");
    assertThat(m.planner()).isEqualTo(PlannerType.LLM);
    assertThat(m.highestRisk()).isEqualTo(Risk.DESTRUCTIVE);
    assertThat(m.maxSteps()).isEqualTo(4);
    assertThat(m.requiresApproval()).isTrue();
    assertThat(m.permission()).isEqualTo(Permission.MAINTAIN);
    assertThat(m.priority()).isEqualTo(Priority.HIGH);
    assertThat(m.timeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(m.budget().get().tokens()).hasValue(20000);
    assertThat(m.budget().get().usd().get()).isEqualByComparingTo("0.50");
    assertThat(m.arguments().keySet()).containsExactly("depth", "style");
    assertThat(m.defaultArguments())
        .containsExactly(java.util.Map.entry("depth", IntNode.valueOf(2)));
    assertThat(m.requiredArguments()).containsExactly("style");
    assertThat(m.report()).isEqualTo(ReportPolicy.ALWAYS);
    assertThat(m.allowSelfApproval()).isTrue();
    assertThat(m.approvalTimeout()).contains(Duration.ofHours(2));
    assertThat(m.steps()).isEmpty();
  }

  @Test
  void repositoryMissionsMayNotUseDestructiveTools() {
    String closer =
        READER.replace("[get_issue]", "[get_issue, close_issue]")
            + "  - tool: close_issue\n    args: { number: 1 }\n";

    LoadResult repository =
        load(MissionLoader.repository(), ".github/agent/missions/c.yml", closer);
    LoadResult global = load(MissionLoader.global(), "missions/c.yml", closer);

    assertThat(rendered(repository))
        .containsExactly(
            ".github/agent/missions/c.yml:6:28: \"allowed_tools\": \"close_issue\" is destructive;"
                + " repository missions may not use destructive tools");
    assertThat(global.isValid()).isTrue();
    assertThat(global.catalog().byName("reader").get().scope()).isEqualTo(MissionScope.GLOBAL);
  }

  @Test
  void repositoryMissionsWithoutDestructiveToolsLoadWithTheirScope() {
    LoadResult result = load(MissionLoader.repository(), "r.yml", READER);

    assertThat(result.catalog().byName("reader").get().scope()).isEqualTo(MissionScope.REPOSITORY);
  }

  @Test
  void repositoryMissionsLeaveTheWordsOfGlobalMissionsAlone() {
    MissionCatalog global =
        load(
                MissionLoader.global(),
                "missions/triage.yml",
                READER.replace("name: reader", "name: triage") + "triggers:\n  - command: tri\n",
                "missions/sweep.yml",
                READER.replace("name: reader", "name: sweep"))
            .catalog();
    String sameName = READER.replace("name: reader", "name: triage");
    String commandIsAGlobalName =
        READER.replace("name: reader", "name: mine") + "triggers:\n  - command: sweep\n";
    String commandIsAGlobalCommand =
        READER.replace("name: reader", "name: ours") + "triggers:\n  - command: tri\n";

    LoadResult result =
        MissionLoader.repository()
            .loadSources(
                List.of(
                    new MissionSource("r/a.yml", sameName),
                    new MissionSource("r/b.yml", commandIsAGlobalName),
                    new MissionSource("r/c.yml", commandIsAGlobalCommand),
                    new MissionSource("r/d.yml", READER)),
                global);

    assertThat(rendered(result))
        .containsExactly(
            "r/a.yml:1:7: mission name \"triage\" is already the name of global mission"
                + " \"triage\", which wins; choose another",
            "r/b.yml:11:14: command \"sweep\" is already the name of global mission"
                + " \"sweep\", which wins; choose another",
            "r/c.yml:11:14: command \"tri\" is already a command of global mission \"triage\","
                + " which wins; choose another");
    assertThat(result.catalog().missions()).extracting(Mission::name).containsExactly("reader");
  }

  @Test
  void yamlOddities() {
    assertThat(rendered(load(MissionLoader.global(), "e.yml", "")))
        .containsExactly(
            "e.yml:1:1: empty file: expected a mission with keys such as name, goal, planner");
    assertThat(rendered(load(MissionLoader.global(), "d.yml", READER + "---\nname: x\n")))
        .containsExactly("d.yml:11:1: a second YAML document: a file holds one mission");
    assertThat(
            rendered(
                load(
                    MissionLoader.global(),
                    "a.yml",
                    READER.replace("description", "x") + "report: &r always\npriority: *r\n")))
        .containsExactly(
            "a.yml:11:11: aliases (*name) are not supported in missions; write the value",
            "a.yml:11:11: \"priority\": expected one of high, normal, low, found \"r\"");
  }

  @Test
  void loadsADirectoryOfYmlAndYamlFilesSortedByName(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b.yaml"), READER.replace("reader", "bee"));
    Files.writeString(dir.resolve("a.yml"), READER);
    Files.writeString(dir.resolve("notes.txt"), "not a mission");

    LoadResult result = MissionLoader.global().loadDirectory(dir);

    assertThat(result).isInstanceOf(LoadResult.Loaded.class);
    assertThat(result.catalog().missions())
        .extracting(Mission::name)
        .containsExactly("bee", "reader");
    assertThat(result.catalog().byName("reader").get().origin())
        .isEqualTo(dir.resolve("a.yml").toString());
  }

  @Test
  void aMissingDirectoryAndFilesThatAreNotTextAreProblems(@TempDir Path dir) throws IOException {
    Path binary = dir.resolve("x.yml");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});

    assertThat(rendered(MissionLoader.global().loadDirectory(dir.resolve("nope"))))
        .containsExactly(dir.resolve("nope") + ": no such directory");
    assertThat(rendered(MissionLoader.global().loadFiles(List.of(binary))))
        .containsExactly(binary + ": not UTF-8 text");
  }

  @Test
  void aFileGivenTwiceIsLoadedOnce(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a.yml"), READER);

    LoadResult result = MissionLoader.global().loadFiles(List.of(file, file.toAbsolutePath()));

    assertThat(result.isValid()).isTrue();
    assertThat(result.catalog().size()).isEqualTo(1);
  }
}
