package dev.orchestrator.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code agent doctor} asks GitHub with its own short timeout, or GITHUB_TIMEOUT when shorter. */
class DoctorTimeoutsTest {
  private static Settings.GitHub github(String timeout) {
    return ConfigLoader.load(Map.of("GITHUB_TIMEOUT", timeout), Path.of("no-such.env"))
        .orThrow()
        .github();
  }

  @Test
  void theShorterOfFiveSecondsAndGitHubTimeoutIsUsed() {
    assertThat(Doctor.githubTimeouts(github("30s")).requestTimeout())
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(Doctor.githubTimeouts(github("2s")).requestTimeout())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(Doctor.githubTimeouts(github("2s")).maxTries()).isOne();
  }
}
