package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.FakeGitHub;
import dev.orchestrator.fakegithub.state.IssueSeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent run-due} against FakeGitHub in token mode, with the test clock at 12:00 on
 * 2026-03-14: runs each due slot once, says when nothing is due, and fails when a run fails.
 */
class RunDueCommandTest {
  private static final String HOURLY =
      """
      name: hourly
      description: Count the open issues every hour
      planner: deterministic
      allowed_tools: [search_issues]
      priority: low
      triggers:
        - schedule: "0 * * * *"
          repositories: [octo/hello]
      steps:
        - tool: search_issues
          args: { query: "is:open" }
      """;

  @TempDir Path dir;
  private Cli cli;
  private FakeGitHub github;
  private Path missions;

  @BeforeEach
  void setUp() throws Exception {
    cli = new Cli(dir);
    github = FakeGitHub.start();
    github.repo("octo", "hello").add(IssueSeed.issue("Crash on start").author("alice"));
    missions = Files.createDirectories(dir.resolve("missions"));
    cli.env.put("MISSIONS_DIR", missions.toString());
    cli.env.put("GITHUB_API_URL", github.apiUrl());
    cli.env.put("GITHUB_TOKEN", github.personalAccessToken("octocat"));
  }

  @AfterEach
  void tearDown() {
    github.assertNoUnknownRoutes();
    github.close();
  }

  @Test
  void withoutSchedulesNothingIsDueAndItExitsZero() {
    Cli.Result r = cli.run("run-due");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "nothing due at 2026-03-14T12:00:00Z: no mission in \""
                + missions
                + "\" has a schedule\n");
  }

  @Test
  void runsTheDueSlotOnceThenWaitsForTheNext() throws Exception {
    Files.writeString(missions.resolve("hourly.yml"), HOURLY);

    Path transcripts = dir.resolve("transcripts");
    Cli.Result first = cli.run("run-due", "--transcripts", transcripts.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out())
        .isEqualTo(
            "run-due at 2026-03-14T12:00:00Z: 1 slot due, 1 run started\n"
                + "  run 1 hourly on \"octo/hello\" (slot 2026-03-14T12:00:00Z): SUCCEEDED\n"
                + "transcript: "
                + transcripts.resolve("run-1.json")
                + "\n");
    assertThat(Files.readString(transcripts.resolve("run-1.json"))).contains("search_issues");
    assertThat(github.requests("GET", "/search/issues")).hasSize(1);

    cli.clock.advance(Duration.ofMinutes(30));
    Cli.Result again = cli.run("run-due");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out())
        .isEqualTo(
            "nothing due at 2026-03-14T12:30:00Z: every schedule's latest slot has run (1"
                + " mission-repository pair scheduled); next slot 2026-03-14T13:00:00Z\n");

    cli.clock.advance(Duration.ofHours(5)); // missed 13:00 to 17:00: only 17:00 runs
    Cli.Result later = cli.run("run-due");
    assertThat(later.out())
        .isEqualTo(
            "run-due at 2026-03-14T17:30:00Z: 1 slot due, 1 run started\n"
                + "  run 2 hourly on \"octo/hello\" (slot 2026-03-14T17:00:00Z): SUCCEEDED\n");
    assertThat(github.requests("GET", "/search/issues")).hasSize(2);
    assertThat(cli.run("history", "--format", "json").out())
        .contains("\"trigger\" : \"schedule:0 * * * *\"");
  }

  @Test
  void twoRunDueAtOnceRunTheSlotOnce() throws Exception {
    Files.writeString(missions.resolve("hourly.yml"), HOURLY);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Cli.Result>> both = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        both.add(
            pool.submit(
                () -> {
                  go.await();
                  return cli.run("run-due");
                }));
      }
      go.countDown();
      List<String> outs = new ArrayList<>();
      for (Future<Cli.Result> f : both) {
        Cli.Result r = f.get();
        assertThat(r.exit()).as(r.err()).isZero();
        outs.add(r.out());
      }

      assertThat(outs).filteredOn(o -> o.contains("run 1 hourly on \"octo/hello\"")).hasSize(1);
      // the other saw the slot taken, before or after it looked at the slots
      assertThat(outs)
          .filteredOn(o -> o.startsWith("nothing due") || o.contains("already taken"))
          .hasSize(1);
      assertThat(github.requests("GET", "/search/issues")).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedRunMakesItExitOne() throws Exception {
    Files.writeString(
        missions.resolve("hourly.yml"),
        HOURLY
            .replace("[search_issues]", "[get_issue]")
            .replace(
                "tool: search_issues\n    args: { query: \"is:open\" }",
                "tool: get_issue\n    args: { number: \"${event.issue.number}\" }"));

    Cli.Result r = cli.run("run-due");

    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out())
        .startsWith(
            "run-due at 2026-03-14T12:00:00Z: 1 slot due, 1 run started\n"
                + "  run 1 hourly on \"octo/hello\" (slot 2026-03-14T12:00:00Z): FAILED - ");
  }

  @Test
  void withoutCredentialsADueSlotIsLeftForALaterRun() throws Exception {
    Files.writeString(missions.resolve("hourly.yml"), HOURLY);
    cli.env.remove("GITHUB_TOKEN");

    Cli.Result refused = cli.run("run-due");
    assertThat(refused.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(refused.err())
        .isEqualTo(
            "scheduled runs act on GitHub: set GITHUB_TOKEN (or APP_ID and PRIVATE_KEY_PATH);"
                + " nothing was run\n");

    cli.env.put("GITHUB_TOKEN", github.personalAccessToken("octocat"));
    Cli.Result ran = cli.run("run-due");
    assertThat(ran.exit()).as(ran.err()).isZero();
    assertThat(ran.out()).contains("run 1 hourly on \"octo/hello\"");
  }

  @Test
  void invalidMissionsAreReportedAndNothingRuns() throws Exception {
    Files.writeString(missions.resolve("hourly.yml"), HOURLY.replace("0 * * * *", "0 25 * * *"));

    Cli.Result r = cli.run("run-due");

    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("hourly.yml:7:15: trigger 1 \"schedule\"");
    assertThat(github.requests()).isEmpty();
  }
}
