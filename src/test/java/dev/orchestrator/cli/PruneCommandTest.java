package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.store.Database;
import dev.orchestrator.testing.BulkRows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneCommandTest {
  @TempDir Path dir;
  Cli cli;

  @BeforeEach
  void sixtyDaysOfRuns() {
    cli = new Cli(dir);
    try (Database db = cli.openDatabase()) {
      // one run and one delivery a day, the newest now
      BulkRows.insert(db, 60, cli.clock.instant(), Duration.ofDays(60));
    }
  }

  @Test
  void prunesWhatIsOlderThanTheGivenAgeAndSaysWhat() {
    Cli.Result r = cli.run("prune", "--older-than", "30d");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("pruned \"" + cli.database + "\": older than 30d (before 2026-02-12T12:00:00Z)");
    assertThat(lines.subList(1, 4))
        .containsExactly(
            "  transcripts deleted:     29",
            "  run payloads cleared:    29 (run rows kept)",
            "  deliveries deleted:      29 (dispatched only)");
    assertThat(lines.get(4)).startsWith("  space reclaimed:         ");
    assertThat(lines.get(5)).startsWith("  longest write lock held: ").endsWith(" ms");
    try (Database db = cli.openDatabase()) {
      assertThat(BulkRows.count(db, "SELECT COUNT(*) FROM runs")).isEqualTo(60);
      assertThat(BulkRows.count(db, "SELECT COUNT(*) FROM transcripts")).isEqualTo(31);
    }
  }

  @Test
  void defaultsToRetention() {
    cli.env.put("RETENTION", "10d");
    Cli.Result r = cli.run("prune");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("older than 10d").contains("transcripts deleted:     49");
  }

  @Test
  void refusesUnderFourDaysAndDurationsOutsideTheGrammar() {
    for (String age : List.of("3d", "72h", "30", "thirty", "-5d", "1w")) {
      Cli.Result r = cli.run("prune", "--older-than", age);
      assertThat(r.exit()).as(age).isEqualTo(2);
      assertThat(r.err()).as(age).startsWith("--older-than: ");
    }
    assertThat(cli.run("prune", "--older-than", "96h").exit()).isZero();
    try (Database db = cli.openDatabase()) {
      assertThat(BulkRows.count(db, "SELECT COUNT(*) FROM transcripts")).isEqualTo(5);
    }
  }
}
