package dev.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The run transition table of DESIGN.md, house rule 8. */
class RunStatusTest {
  @Test
  void aRunningRunMayGoBackToTheQueue() {
    // lease expired, shutdown, or a GitHub call deferred by the rate-limit governor
    assertThat(RunStatus.RUNNING.canMoveTo(RunStatus.QUEUED)).isTrue();
    assertThat(RunStatus.sourcesOf(RunStatus.QUEUED))
        .containsExactlyInAnyOrder(RunStatus.RUNNING, RunStatus.BLOCKED);
  }

  @Test
  void theMovesAreExactlyTheDesignedOnes() {
    for (RunStatus from : RunStatus.values()) {
      EnumSet<RunStatus> expected =
          switch (from) {
            case QUEUED -> EnumSet.of(RunStatus.RUNNING, RunStatus.CANCELLED, RunStatus.FAILED);
            case RUNNING ->
                EnumSet.of(
                    RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.BLOCKED, RunStatus.QUEUED);
            case BLOCKED ->
                EnumSet.of(
                    RunStatus.QUEUED, RunStatus.REJECTED, RunStatus.EXPIRED, RunStatus.CANCELLED);
            default -> EnumSet.noneOf(RunStatus.class);
          };
      for (RunStatus to : RunStatus.values()) {
        assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(expected.contains(to));
      }
      assertThat(from.isTerminal()).as("%s is terminal", from).isEqualTo(expected.isEmpty());
    }
  }

  @Test
  void anIllegalMoveThrowsNamingTheRun() {
    assertThatThrownBy(() -> RunStatus.SUCCEEDED.checkMove(42, RunStatus.QUEUED))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("run 42: illegal move from SUCCEEDED to QUEUED");
  }
}
