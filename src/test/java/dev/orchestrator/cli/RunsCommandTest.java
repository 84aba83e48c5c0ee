package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.store.Database;
import dev.orchestrator.testing.FixtureRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsCommandTest {
  @TempDir Path dir;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(dir);
    Instant now = cli.clock.instant();
    try (Database db = cli.openDatabase()) {
      Instant t = now.minus(Duration.ofMinutes(30));
      FixtureRun.of("issue-triage", RunStatus.SUCCEEDED).finished(t, 2).insert(db, now);
      FixtureRun.of("issue-triage", RunStatus.QUEUED).insert(db, now);
      FixtureRun.of("stale", RunStatus.QUEUED).repository("octo/other").insert(db, now);
      FixtureRun.of("review", RunStatus.BLOCKED).insert(db, now);
    }
  }

  private static List<Long> ids(String json) throws Exception {
    JsonNode root = new ObjectMapper().readTree(json);
    return root.path("runs").findValues("id").stream().map(JsonNode::asLong).toList();
  }

  @Test
  void filtersByStatusAndRepositoryNewestFirst() throws Exception {
    assertThat(ids(cli.run("runs", "--format", "json").out())).containsExactly(4L, 3L, 2L, 1L);
    assertThat(ids(cli.run("runs", "--status", "queued", "--format", "json").out()))
        .containsExactly(3L, 2L);
    assertThat(
            ids(
                cli.run("runs", "--status", "QUEUED", "--repo", "octo/repo", "--format", "json")
                    .out()))
        .containsExactly(2L);
    assertThat(ids(cli.run("runs", "--repo", "octo/other", "--format", "json").out()))
        .containsExactly(3L);
  }

  @Test
  void tableHasOneLinePerRunAndSaysWhenNothingMatches() {
    Cli.Result r = cli.run("runs", "--status", "blocked");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).hasSize(2);
    assertThat(r.out().lines().toList().get(1)).matches("4\\s+review\\s+BLOCKED\\s+octo/repo.*");
    Cli.Result none = cli.run("runs", "--status", "running", "--repo", "octo/other");
    assertThat(none.out()).isEqualTo("no runs running on octo/other\n");
  }

  @Test
  void badStatusOrRepositoryIsAUsageError() {
    Cli.Result bad = cli.run("runs", "--status", "sleeping");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--status: expected queued, running").contains("\"sleeping\"");
    Cli.Result repo = cli.run("runs", "--repo", "justaname");
    assertThat(repo.exit()).isEqualTo(2);
    assertThat(repo.err()).contains("--repo: expected OWNER/REPO; found \"justaname\"");
  }
}
