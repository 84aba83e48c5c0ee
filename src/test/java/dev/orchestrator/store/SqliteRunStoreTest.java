package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.runtime.IllegalTransitionException;
import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunFinish;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRunStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  @TempDir Path dir;
  private Database db;
  private SqliteRunStore runs;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("runs.db"));
    runs = new SqliteRunStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static NewRun queued(String key) {
    return new NewRun(
        "issue-triage",
        "deterministic",
        42,
        Optional.of("octo/repo"),
        Optional.of(7),
        Optional.empty(),
        "command:triage",
        Optional.of("mona"),
        Optional.ofNullable(key),
        RunStatus.QUEUED,
        NewRun.PRIORITY_HIGH,
        false,
        "{}",
        Optional.empty());
  }

  @Test
  void createsFindsAndListsNewestFirst() {
    long a = runs.create(queued("comment:1:1"), T0).orElseThrow();
    long b = runs.create(queued("comment:2:1"), T0.plusSeconds(1)).orElseThrow();
    assertThat(b).isGreaterThan(a);
    RunRecord r = runs.find(a).orElseThrow();
    assertThat(r.mission()).isEqualTo("issue-triage");
    assertThat(r.repository()).contains("octo/repo");
    assertThat(r.issueNumber()).contains(7);
    assertThat(r.status()).isEqualTo(RunStatus.QUEUED);
    assertThat(r.startedAt()).isEmpty();
    assertThat(r.createdAt()).isEqualTo(T0);
    assertThat(runs.recent(10, Optional.empty())).extracting(RunRecord::id).containsExactly(b, a);
    assertThat(runs.recent(10, Optional.of("other/repo"))).isEmpty();
    assertThat(runs.count(RunStatus.QUEUED)).isEqualTo(2);
  }

  @Test
  void anIdempotencyKeySeenBeforeStartsNothing() {
    assertThat(runs.create(queued("comment:9:1"), T0)).isPresent();
    assertThat(runs.create(queued("comment:9:1"), T0)).isEmpty();
    assertThat(runs.create(queued(null), T0)).isPresent();
    assertThat(runs.create(queued(null), T0)).isPresent();
    assertThat(runs.count(RunStatus.QUEUED)).isEqualTo(3);
  }

  @Test
  void finishingStampsTimeDurationAndMetrics() {
    long id = runs.create(queued(null), T0).orElseThrow();
    runs.start(id, T0.plusSeconds(2));
    runs.finish(
        id,
        RunStatus.FAILED,
        new RunFinish(
            3,
            1200,
            0.012,
            Optional.of("gpt-x"),
            Optional.of("boom"),
            Optional.of("github_5xx"),
            Optional.empty()),
        T0.plusSeconds(7));
    RunRecord r = runs.find(id).orElseThrow();
    assertThat(r.status()).isEqualTo(RunStatus.FAILED);
    assertThat(r.durationSeconds()).contains(5.0);
    assertThat(r.finishedAt()).contains(T0.plusSeconds(7));
    assertThat(r.errorClass()).contains("github_5xx");
    String row =
        db.read(
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs =
                      s.executeQuery(
                          "SELECT mission_id, mission_type, status, dry_run, duration,"
                              + " tool_call_count, token_usage, cost_usd, error FROM mission_metrics")) {
                rs.next();
                return rs.getLong(1)
                    + "|"
                    + rs.getString(2)
                    + "|"
                    + rs.getString(3)
                    + "|"
                    + rs.getInt(4)
                    + "|"
                    + rs.getDouble(5)
                    + "|"
                    + rs.getInt(6)
                    + "|"
                    + rs.getLong(7)
                    + "|"
                    + rs.getDouble(8)
                    + "|"
                    + rs.getString(9);
              }
            });
    assertThat(row).isEqualTo(id + "|issue-triage|FAILED|0|5.0|3|1200|0.012|boom");
  }

  @Test
  void blockedKeepsNoFinishTimeAndIllegalMovesThrow() {
    long id = runs.create(queued(null), T0).orElseThrow();
    assertThatThrownBy(() -> runs.finish(id, RunStatus.SUCCEEDED, RunFinish.ok(0), T0))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("run " + id + ": illegal move from QUEUED to SUCCEEDED");
    runs.start(id, T0);
    runs.finish(id, RunStatus.BLOCKED, RunFinish.ok(1), T0.plusSeconds(1));
    assertThat(runs.find(id).orElseThrow().finishedAt()).isEmpty();
    assertThatThrownBy(() -> runs.start(id, T0)).isInstanceOf(IllegalTransitionException.class);
    runs.move(id, RunStatus.QUEUED, T0.plusSeconds(30));
    runs.start(id, T0.plusSeconds(60));
    assertThat(runs.find(id).orElseThrow().startedAt()).contains(T0);
    assertThat(runs.find(id).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
  }
}
