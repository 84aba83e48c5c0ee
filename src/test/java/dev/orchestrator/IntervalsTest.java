package dev.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.github.GovernorConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntervalsTest {
  @Test
  void theDefaultsAreWhatServeHasAlwaysRunOn() {
    assertThat(Intervals.DEFAULTS.approvalPollTick()).isEqualTo(Duration.ofSeconds(1));
    assertThat(Intervals.DEFAULTS.scheduleTick()).isEqualTo(Duration.ofSeconds(15));
    assertThat(Intervals.DEFAULTS.healthReportTick()).isEqualTo(Duration.ofSeconds(2));
    assertThat(Intervals.DEFAULTS.governor()).isEqualTo(GovernorConfig.defaults());
  }

  @Test
  void theGovernorTakesOnlyTheSpacing() {
    GovernorConfig g =
        new Intervals(
                Duration.ofMillis(100),
                Duration.ofMillis(100),
                Duration.ofMillis(100),
                Duration.ofMillis(20))
            .governor();
    assertThat(g.mutationSpacing()).isEqualTo(Duration.ofMillis(20));
    assertThat(g.withMutationLimits(GovernorConfig.DEFAULT_MUTATION_SPACING, 80, 500))
        .isEqualTo(GovernorConfig.defaults());
  }

  @Test
  void aTickMustBePositive() {
    Duration s = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new Intervals(Duration.ZERO, s, s, s))
        .hasMessageContaining("approvalPollTick");
    assertThatThrownBy(() -> new Intervals(s, s, s, Duration.ofMillis(-1)))
        .hasMessageContaining("githubMutationSpacing");
  }
}
