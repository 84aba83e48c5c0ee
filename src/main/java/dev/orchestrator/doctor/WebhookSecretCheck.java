package dev.orchestrator.doctor;

import dev.orchestrator.config.Secret;
import dev.orchestrator.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The webhook secret. Policy: required once GitHub credentials are set ({@code serve} refuses to
 * start without it); a placeholder is a failure, since anyone who guesses it can forge webhooks
 * that start missions; fewer than {@link #MIN_LENGTH} characters is a warning (GitHub accepts any
 * length, but a short secret can be guessed). Placeholders: a known stand-in word ({@code
 * changeme}, {@code secret}, {@code test}, …, compared ignoring case and {@code -_ .}), a value in
 * angle brackets or {@code ${…}}, or one character repeated ({@code xxx}, {@code 0000}).
 */
final class WebhookSecretCheck {
  static final int MIN_LENGTH = 16;
  static final String GENERATE =
      "generate one with `openssl rand -hex 32` and set it both here and on the App's webhook";

  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "changeme",
          "changethis",
          "secret",
          "webhooksecret",
          "mysecret",
          "yoursecret",
          "yourwebhooksecret",
          "test",
          "testing",
          "testsecret",
          "password",
          "passwd",
          "example",
          "placeholder",
          "todo",
          "fixme",
          "default",
          "dev",
          "development",
          "none",
          "null",
          "empty",
          "foo",
          "foobar",
          "bar",
          "abc",
          "abc123",
          "123",
          "1234",
          "12345",
          "123456",
          "12345678",
          "123456789",
          "1234567890",
          "qwerty",
          "letmein",
          "replaceme",
          "insertsecret",
          "setme");

  private WebhookSecretCheck() {}

  static List<Finding> run(Settings.GitHub github) {
    List<Finding> out = new ArrayList<>();
    Optional<Secret> secret = github.webhookSecret();
    if (secret.isEmpty()) {
      if (github.mode() == Settings.Mode.NONE) {
        out.add(
            Finding.ok(
                "webhook secret",
                "not set, and not needed until GitHub credentials are (setup mode)"));
      } else {
        out.add(
            Finding.fail(
                "webhook secret",
                "WEBHOOK_SECRET is not set, so `agent serve` refuses to start; " + GENERATE));
      }
    } else {
      out.add(judge("webhook secret", "WEBHOOK_SECRET", secret.get()));
    }
    github
        .webhookSecretPrevious()
        .ifPresent(
            previous -> {
              Finding f = judge("previous webhook secret", "WEBHOOK_SECRET_PREVIOUS", previous);
              out.add(
                  f.level() == Level.OK
                      ? Finding.ok(
                          f.check(),
                          f.detail()
                              + "; accepted during rotation, remove it once GitHub sends the new"
                              + " one")
                      : f);
            });
    return out;
  }

  private static Finding judge(String check, String variable, Secret secret) {
    String value = secret.reveal();
    if (isPlaceholder(value)) {
      return Finding.fail(
          check,
          variable
              + " is a placeholder, and anyone who guesses it can forge webhooks; "
              + GENERATE);
    }
    int length = value.length();
    if (length < MIN_LENGTH) {
      return Finding.warn(
          check,
          variable
              + " has only "
              + length
              + " characters (at least "
              + MIN_LENGTH
              + " advised, 32 or more random ones best); "
              + GENERATE);
    }
    return Finding.ok(check, "set (" + length + " characters)");
  }

  static boolean isPlaceholder(String raw) {
    String value = raw.strip();
    if (value.isEmpty()) {
      return true;
    }
    if ((value.startsWith("<") && value.endsWith(">"))
        || (value.startsWith("${") && value.endsWith("}"))) {
      return true;
    }
    if (value.chars().distinct().count() == 1) {
      return true;
    }
    String word = value.toLowerCase(Locale.ROOT).replaceAll("[-_ .]", "");
    return PLACEHOLDERS.contains(word);
  }
}
