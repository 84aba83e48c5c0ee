package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.App;
import dev.orchestrator.runtime.BreakerState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BreakerResetCommandTest {
  @TempDir Path dir;
  Cli cli;

  @BeforeEach
  void openBreakers() {
    cli = new Cli(dir);
    try (App app = cli.app()) {
      for (int i = 0; i < 3; i++) {
        app.breaker().recordFailure("triage", 42, true);
        app.breaker().recordFailure("triage", 7, true);
        app.breaker().recordFailure("review", 42, true);
      }
    }
  }

  private BreakerState state(String mission, long installation) {
    try (App app = cli.app()) {
      return app.breaker().state(mission, installation);
    }
  }

  @Test
  void resetsOneMissionAtOneInstallation() {
    Cli.Result r = cli.run("breaker", "reset", "--mission", "triage", "--installation", "42");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "closed 1 circuit breaker for mission \"triage\", installation 42"
                + System.lineSeparator());
    assertThat(state("triage", 42)).isEqualTo(BreakerState.CLOSED);
    assertThat(state("triage", 7)).isEqualTo(BreakerState.OPEN);
    assertThat(state("review", 42)).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void resetsAMissionEverywhere() {
    Cli.Result r = cli.run("breaker", "reset", "--mission", "triage");
    assertThat(r.out()).startsWith("closed 2 circuit breakers for mission \"triage\"");
    assertThat(state("review", 42)).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void resetsEverythingWithoutOptionsAndSaysWhenNoneWasOpen() {
    assertThat(cli.run("breaker", "reset").out()).startsWith("closed 3 circuit breakers");
    Cli.Result again = cli.run("breaker", "reset");
    assertThat(again.exit()).isZero();
    assertThat(again.out()).startsWith("no open circuit breaker");
    assertThat(state("triage", 42)).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void badUsageExitsTwo() {
    for (String[] args :
        List.of(
            new String[] {"breaker"},
            new String[] {"breaker", "open"},
            new String[] {"breaker", "reset", "--installation", "-1"},
            new String[] {"breaker", "reset", "--installation", "abc"},
            new String[] {"breaker", "reset", "--mission", " "})) {
      Cli.Result r = cli.run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
    }
    assertThat(state("triage", 42)).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void helpExitsZero() {
    assertThat(cli.run("breaker", "--help").exit()).isZero();
    Cli.Result r = cli.run("breaker", "reset", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--mission", "--installation");
  }
}
