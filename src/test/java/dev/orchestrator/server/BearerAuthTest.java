package dev.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.config.Secret;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerAuthTest {
  private final BearerAuth auth = new BearerAuth(Optional.of(Secret.of("tok")));

  @Test
  void everyRouteButTheOpenOnesIsGuardedByDefault() {
    assertThat(auth.refusal("/api/status", null)).isPresent();
    assertThat(auth.refusal("/metrics", "Bearer nope")).isPresent();
    assertThat(auth.refusal("/api/admin/breakers/reset", null))
        .as("a route added later is guarded without asking")
        .isPresent();
    for (String open : BearerAuth.OPEN_PATHS) {
      assertThat(auth.refusal(open, null)).as(open).isEmpty();
    }
  }

  @Test
  void onlyTheExactTokenPasses() {
    assertThat(auth.refusal("/metrics", "Bearer tok")).isEmpty();
    assertThat(auth.refusal("/metrics", "  BEARER   tok  ")).isEmpty();
    assertThat(auth.refusal("/metrics", "Bearer tok2")).isPresent();
    assertThat(auth.refusal("/metrics", "Bearer to")).isPresent();
    assertThat(auth.refusal("/metrics", "Bearer ")).isPresent();
    assertThat(auth.refusal("/metrics", "tok")).isPresent();
  }

  @Test
  void withoutATokenNothingIsGuarded() {
    BearerAuth open = new BearerAuth(Optional.empty());
    assertThat(open.refusal("/metrics", null)).isEmpty();
    assertThat(open.refusal("/api/status", "Bearer anything")).isEmpty();
  }

  @Test
  void oneWarningWhenTheOperatorRoutesAreOpenBeyondLoopback() {
    assertThat(BearerAuth.startupWarning("0.0.0.0", Optional.empty()))
        .hasValueSatisfying(w -> assertThat(w).contains("API_TOKEN").contains("\"0.0.0.0\""));
    assertThat(BearerAuth.startupWarning("0.0.0.0", Optional.of(Secret.of("t")))).isEmpty();
    for (String loopback : new String[] {"127.0.0.1", "127.0.0.2", "localhost", "::1"}) {
      assertThat(BearerAuth.startupWarning(loopback, Optional.empty())).as(loopback).isEmpty();
    }
    assertThat(BearerAuth.startupWarning("10.1.2.3", Optional.empty())).isPresent();
  }
}
