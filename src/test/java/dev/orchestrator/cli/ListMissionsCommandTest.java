package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListMissionsCommandTest {
  @TempDir Path dir;

  private CliRun run(Path missionsDir) {
    return CliRun.run(
        Map.of("MISSIONS_DIR", missionsDir.toString()), dir.resolve("no.env"), "list-missions");
  }

  @Test
  void listsTheShippedMissionsAsATable() {
    CliRun r = run(Path.of("missions"));

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines())
        .containsExactly(
            "MISSION        PLANNER        TRIGGERS                      TOOLS"
                + "                                          APPROVAL",
            "health-report  deterministic  /agent health                 get_health, post_comment"
                + "                       no",
            "issue-triage   deterministic  issues.opened, /agent triage  get_issue, add_labels,"
                + " post_comment            no",
            "pr-summary     llm            /agent summarize              get_pull_request,"
                + " list_pr_files, post_comment  no",
            "stale-issues   deterministic  /agent stale                  search_issues,"
                + " post_comment, add_labels        required");
  }

  @Test
  void showsValidMissionsAndReportsBrokenOnesOnStderr() throws IOException {
    Files.writeString(
        dir.resolve("closer.yml"),
        """
        name: closer
        description: Close an issue
        planner: deterministic
        allowed_tools: [close_issue]
        steps:
          - tool: close_issue
            args: { number: 1 }
        """);
    Files.writeString(dir.resolve("broken.yml"), "name: broken\n");

    CliRun r = run(dir);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out().lines())
        .containsExactly(
            "MISSION  PLANNER        TRIGGERS           TOOLS        APPROVAL",
            "closer   deterministic  /agent run closer  close_issue  destructive tools");
    Path broken = dir.resolve("broken.yml");
    assertThat(r.err().lines())
        .containsExactly(
            broken + ":1:1: missing required key \"planner\"",
            broken + ":1:1: missing required key \"allowed_tools\"",
            broken + ":1:1: missing required key \"goal\" or \"description\": say what it does",
            "3 problems; only valid missions are listed");
  }

  @Test
  void anEmptyDirectoryHasNoMissions() {
    CliRun r = run(dir);

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("no missions in \"" + dir + "\"\n");
  }

  @Test
  void aMissingDirectoryNamesTheVariable() {
    CliRun r = run(dir.resolve("gone"));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "missions directory \""
                + dir.resolve("gone")
                + "\" does not exist; set MISSIONS_DIR\n");
  }
}
