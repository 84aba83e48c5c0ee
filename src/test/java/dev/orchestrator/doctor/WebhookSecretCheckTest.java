package dev.orchestrator.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.config.Secret;
import dev.orchestrator.config.Settings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookSecretCheckTest {
  @Test
  void placeholdersAreRecognised() {
    for (String p :
        List.of(
            "changeme",
            "CHANGE_ME",
            "change-me",
            "secret",
            "Secret",
            "webhook-secret",
            "test",
            "xxx",
            "xxxxxxxxxxxxxxxxxxxxxxxx",
            "0000000000000000",
            "<secret>",
            "<paste the secret here>",
            "${WEBHOOK_SECRET}",
            "password",
            "123456",
            "  todo  ",
            "your_webhook_secret")) {
      assertThat(WebhookSecretCheck.isPlaceholder(p)).as(p).isTrue();
    }
    for (String real :
        List.of(
            "9f86d081884c7d659a2feaa0c55ad015",
            "k3Y9-q2Lm7",
            "secret-9f86d081884c7d65",
            "testing-is-not-a-secret-value",
            "xyxyxyxy")) {
      assertThat(WebhookSecretCheck.isPlaceholder(real)).as(real).isFalse();
    }
  }

  @Test
  void theRotatingPreviousSecretIsJudgedTooAndNeverPrinted() {
    Settings.GitHub github =
        new Settings.GitHub(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Secret.of("ghp_x")),
            Optional.of(Secret.of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b")),
            Optional.of(Secret.of("changeme")),
            Settings.GitHub.DEFAULT_API_URL,
            Settings.GitHub.DEFAULT_WEB_URL);
    List<Finding> findings = WebhookSecretCheck.run(github);
    assertThat(findings)
        .extracting(Finding::render)
        .containsExactly(
            "ok    webhook secret: set (40 characters)",
            "fail  previous webhook secret: WEBHOOK_SECRET_PREVIOUS is a placeholder, and anyone"
                + " who guesses it can forge webhooks; "
                + WebhookSecretCheck.GENERATE);
  }
}
