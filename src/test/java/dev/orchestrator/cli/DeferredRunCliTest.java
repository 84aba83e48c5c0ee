package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.Timestamps;
import dev.orchestrator.testing.FixtureRun;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} and {@code history} on runs back in the queue for GitHub's rate limit. */
class DeferredRunCliTest {
  @TempDir Path dir;
  private Cli cli;
  private Instant soon;
  private Instant later;

  @BeforeEach
  void setUp() {
    cli = new Cli(dir);
    Instant now = cli.clock.instant();
    soon = now.plus(Duration.ofMinutes(12));
    later = now.plus(Duration.ofMinutes(50));
    try (Database db = cli.openDatabase()) {
      FixtureRun.of("review", RunStatus.QUEUED).insert(db, now);
      wait(db, FixtureRun.of("issue-triage", RunStatus.QUEUED).insert(db, now), later);
      wait(db, FixtureRun.of("issue-triage", RunStatus.QUEUED).insert(db, now), soon);
      // an instant already past: the run is due, not waiting
      wait(db, FixtureRun.of("review", RunStatus.QUEUED).insert(db, now), now.minusSeconds(1));
      // cancelled while it waited
      wait(db, FixtureRun.of("review", RunStatus.CANCELLED).insert(db, now), later);
    }
  }

  private static void wait(Database db, long id, Instant notBefore) {
    db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("UPDATE runs SET not_before = ? WHERE id = ?")) {
            p.setString(1, Timestamps.format(notBefore));
            p.setLong(2, id);
            return p.executeUpdate();
          }
        });
  }

  @Test
  void statusSaysHowManyQueuedRunsWaitAndUntilWhenTheFirstDoes() throws Exception {
    Cli.Result text = cli.run("status");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out())
        .contains(
            "queue: 4 of 10000 queued (2 waiting for GitHub's rate limit, the first until "
                + soon
                + "), 0 running, 0 blocked");

    JsonNode j = new ObjectMapper().readTree(cli.run("status", "--format", "json").out());
    assertThat(j.get("queue_size").asLong()).isEqualTo(4);
    assertThat(j.get("queue_waiting").get("runs").asLong()).isEqualTo(2);
    assertThat(j.get("queue_waiting").get("next").asText()).isEqualTo(soon.toString());
  }

  @Test
  void historyShowsTheInstantAWaitingRunGoesOn() throws Exception {
    String table = cli.run("history").out();
    assertThat(table.lines().filter(l -> l.startsWith("3 ")).findFirst().orElseThrow())
        .contains("QUEUED until " + soon);
    assertThat(table.lines().filter(l -> l.startsWith("1 ")).findFirst().orElseThrow())
        .containsPattern("review\\s+QUEUED\\s");

    JsonNode runs = new ObjectMapper().readTree(cli.run("history", "--format", "json").out());
    JsonNode waiting = runs.get("runs").get(2);
    assertThat(waiting.get("id").asLong()).isEqualTo(3);
    assertThat(waiting.get("not_before").asText()).isEqualTo(soon.toString());
    assertThat(runs.get("runs").get(0).get("status").asText()).isEqualTo("CANCELLED");
    assertThat(runs.get("runs").get(0).get("not_before").isNull()).isTrue();
    assertThat(table).doesNotContain("CANCELLED until");
  }
}
