package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelConfigTest {
  @Test
  void theLongestCallIsEveryTryTimingOutWithTheLongestWaitBetweenThem() {
    ModelConfig c =
        ModelConfig.of(
            URI.create("http://127.0.0.1:1/v1"),
            Optional.empty(),
            "m",
            "max_tokens",
            100,
            Duration.ofSeconds(60));
    // 3 × (10 s connect + 60 s answer) + 2 × 60 s (the longest retry-after waited for)
    assertThat(c.longestCall()).isEqualTo(Duration.ofSeconds(330));
  }
}
