package dev.orchestrator.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SetupStatesTest {
  @Test
  void aStateIsGoodOnceAndForAnHour() {
    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    SetupStates states = new SetupStates(clock);
    String a = states.issue();
    String b = states.issue();
    assertThat(a).hasSize(64).isNotEqualTo(b);

    assertThat(states.redeem(a)).isEqualTo(SetupStates.Check.ACCEPTED);
    assertThat(states.redeem(a)).isEqualTo(SetupStates.Check.UNKNOWN);
    assertThat(states.redeem("nope")).isEqualTo(SetupStates.Check.UNKNOWN);
    assertThat(states.redeem(null)).isEqualTo(SetupStates.Check.MISSING);
    assertThat(states.redeem(" ")).isEqualTo(SetupStates.Check.MISSING);

    clock.advance(SetupStates.LIFETIME);
    assertThat(states.redeem(b)).isEqualTo(SetupStates.Check.EXPIRED);

    String c = states.issue();
    clock.advance(SetupStates.LIFETIME.minus(Duration.ofSeconds(1)));
    assertThat(states.redeem(c)).isEqualTo(SetupStates.Check.ACCEPTED);
  }

  @Test
  void keepsABoundedNumberDroppingTheOldest() {
    SetupStates states = new SetupStates(MutableClock.at("2026-01-01T00:00:00Z"));
    String first = states.issue();
    String second = states.issue();
    for (int i = 2; i < SetupStates.MAX_OUTSTANDING; i++) {
      states.issue();
    }
    states.issue();
    assertThat(states.redeem(first)).isEqualTo(SetupStates.Check.UNKNOWN);
    assertThat(states.redeem(second)).isEqualTo(SetupStates.Check.ACCEPTED);
  }
}
