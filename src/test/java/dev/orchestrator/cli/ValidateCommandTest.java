package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static final String VALID =
      """
      name: reader
      description: Read an issue
      planner: deterministic
      allowed_tools: [get_issue, close_issue]
      steps:
        - tool: get_issue
          args: { number: "${event.issue.number}" }
      """;

  @TempDir Path dir;

  private CliRun run(String... args) {
    return CliRun.run(Map.of("MISSIONS_DIR", dir.toString()), dir.resolve("no.env"), args);
  }

  @Test
  void theShippedMissionsAreValid() {
    CliRun r = run("validate", "missions");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("4 missions valid\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void withoutPathsItValidatesMissionsDir() throws IOException {
    Files.writeString(dir.resolve("reader.yml"), VALID);

    CliRun r = run("validate");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("1 mission valid\n");
  }

  @Test
  void everyProblemOfEveryFileIsPrintedAsFileLineColumn() throws IOException {
    Path a =
        Files.writeString(
            dir.resolve("a.yml"),
            VALID.replace("planner: deterministic", "planner: determinstic") + "priorty: low\n");
    Path b = Files.writeString(dir.resolve("b.yml"), VALID);
    Path c = Files.writeString(dir.resolve("c.yml"), "name: [\n");

    CliRun r = run("validate", a.toString(), b.toString(), c.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out().lines())
        .containsExactly(
            a + ":1:7: duplicate mission name \"reader\"; also defined at " + b + ":1:7",
            a
                + ":3:10: \"planner\": expected one of deterministic, llm, found \"determinstic\";"
                + " did you mean \"deterministic\"?",
            a
                + ":8:1: unknown key \"priorty\"; did you mean \"priority\"? allowed keys: name,"
                + " description, goal, triggers, planner, allowed_tools, max_steps,"
                + " requires_approval, permission, priority, timeout, budget, arguments, steps,"
                + " report, allow_self_approval, approval_timeout",
            b + ":1:7: duplicate mission name \"reader\"; also defined at " + a + ":1:7",
            c
                + ":2:1: invalid YAML: expected the node content, but found '<stream end>' (while"
                + " parsing a flow node started at 2:1)",
            "5 problems in 3 of 3 files");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void repositoryModeRefusesDestructiveTools() throws IOException {
    Path file = Files.writeString(dir.resolve("r.yml"), VALID);

    CliRun global = run("validate", file.toString());
    CliRun repository = run("validate", "--repository", file.toString());

    assertThat(global.exitCode()).isZero();
    assertThat(repository.exitCode()).isEqualTo(1);
    assertThat(repository.out())
        .startsWith(
            file
                + ":4:28: \"allowed_tools\": \"close_issue\" is destructive; repository missions"
                + " may not use destructive tools\n");
  }

  @Test
  void repositoryModeRefusesTheNamesOfTheGlobalMissions() throws IOException {
    Files.writeString(dir.resolve("reader.yml"), VALID.replace(", close_issue", ""));
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path mine = Files.writeString(repo.resolve("mine.yml"), VALID.replace(", close_issue", ""));

    CliRun r = run("validate", "--repository", mine.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            mine
                + ":1:7: mission name \"reader\" is already the name of global mission"
                + " \"reader\", which wins; choose another\n"
                + "1 problem in 1 of 1 file\n");
  }

  @Test
  void aMissingPathIsBadUsage() {
    CliRun r = run("validate", dir.resolve("nope.yml").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("validate: no such file or directory \"" + dir.resolve("nope.yml") + "\"");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aDirectoryWithoutMissionFilesFails() {
    CliRun r = run("validate", dir.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("no mission files (*.yml, *.yaml) in \"" + dir + "\"\n");
  }

  @Test
  void aMissingMissionsDirNamesTheVariable() {
    CliRun r =
        CliRun.run(
            Map.of("MISSIONS_DIR", dir.resolve("gone").toString()),
            dir.resolve("no.env"),
            "validate");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "missions directory \""
                + dir.resolve("gone")
                + "\" does not exist; set MISSIONS_DIR\n");
  }
}
