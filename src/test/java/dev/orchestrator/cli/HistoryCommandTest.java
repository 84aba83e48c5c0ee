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

class HistoryCommandTest {
  @TempDir Path dir;
  Cli cli;
  Instant now;

  @BeforeEach
  void setUp() {
    cli = new Cli(dir);
    now = cli.clock.instant();
  }

  private void fixture() {
    try (Database db = cli.openDatabase()) {
      Instant t = now.minus(Duration.ofMinutes(30));
      FixtureRun.of("issue-triage", RunStatus.SUCCEEDED).finished(t, 12.34).insert(db, now);
      FixtureRun.of("review", RunStatus.FAILED).finished(t, 3).trigger("comment").insert(db, now);
      FixtureRun.of("review", RunStatus.SUCCEEDED).finished(t, 1).dryRun().insert(db, now);
      FixtureRun.of("stale", RunStatus.CANCELLED)
          .finishedUnstarted(t)
          .repository("octo/other")
          .insert(db, now);
      FixtureRun.of("issue-triage", RunStatus.QUEUED).insert(db, now);
    }
  }

  @Test
  void tableListsOneRunPerLineNewestFirst() {
    fixture();
    Cli.Result r = cli.run("history");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0))
        .matches(
            "ID\\s+MISSION\\s+STATUS\\s+REPOSITORY\\s+TRIGGER\\s+STARTED\\s+DURATION\\s+DRY_RUN");
    assertThat(lines.get(1))
        .matches("5\\s+issue-triage\\s+QUEUED\\s+octo/repo\\s+event\\s+-\\s+-\\s+no");
    assertThat(lines.get(2))
        .matches("4\\s+stale\\s+CANCELLED\\s+octo/other\\s+event\\s+-\\s+-\\s+no");
    assertThat(lines.get(3)).matches("3\\s+review\\s+SUCCEEDED\\s+.*\\s+1\\.0s\\s+yes");
    assertThat(lines.get(4))
        .matches(
            "2\\s+review\\s+FAILED\\s+octo/repo\\s+comment\\s+2026-03-14T11:29:57Z\\s+3\\.0s\\s+no");
    assertThat(lines.get(5)).matches("1\\s+issue-triage\\s+SUCCEEDED\\s+.*\\s+12\\.3s\\s+no");
  }

  @Test
  void statusesAreGreppable() {
    fixture();
    List<String> failed =
        cli.run("history").out().lines().filter(l -> l.contains("FAILED")).toList();
    assertThat(failed).hasSize(1).allMatch(l -> l.startsWith("2 "));
  }

  @Test
  void limitKeepsTheNewest() {
    fixture();
    List<String> lines = cli.run("history", "--limit", "2").out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("5 ");
    assertThat(lines.get(2)).startsWith("4 ");
  }

  @Test
  void jsonListsTheRuns() throws Exception {
    fixture();
    Cli.Result r = cli.run("history", "--format", "json", "--limit", "3");
    assertThat(r.exit()).isZero();
    JsonNode runs = new ObjectMapper().readTree(r.out()).get("runs");
    assertThat(runs).hasSize(3);
    assertThat(runs.get(0).get("id").asLong()).isEqualTo(5);
    assertThat(runs.get(0).get("status").asText()).isEqualTo("QUEUED");
    assertThat(runs.get(0).get("finished_at").isNull()).isTrue();
    JsonNode dry = runs.get(2);
    assertThat(dry.get("mission").asText()).isEqualTo("review");
    assertThat(dry.get("dry_run").asBoolean()).isTrue();
    assertThat(dry.get("duration_seconds").asDouble()).isEqualTo(1.0);
    assertThat(dry.get("repository").asText()).isEqualTo("octo/repo");
    assertThat(dry.get("finished_at").asText()).isEqualTo("2026-03-14T11:30:00Z");
  }

  @Test
  void anEmptyStoreSaysSo() throws Exception {
    Cli.Result r = cli.run("history");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("no runs recorded yet" + System.lineSeparator());
    JsonNode j = new ObjectMapper().readTree(cli.run("history", "--format", "json").out());
    assertThat(j.get("runs")).isEmpty();
  }

  @Test
  void badUsageExitsTwo() {
    for (String[] args :
        List.of(
            new String[] {"history", "--limit", "-1"},
            new String[] {"history", "--limit", "0"},
            new String[] {"history", "--limit", "10001"},
            new String[] {"history", "--format", "text"},
            new String[] {"history", "--format", "xml"})) {
      Cli.Result r = cli.run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.out()).isEmpty();
    }
    assertThat(cli.run("history", "--limit", "-1").err())
        .contains("--limit: expected a number from 1 to 10000; found -1");
  }

  @Test
  void helpExitsZero() {
    Cli.Result r = cli.run("history", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--limit", "--format");
  }
}
