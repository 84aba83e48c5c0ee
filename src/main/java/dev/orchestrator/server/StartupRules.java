package dev.orchestrator.server;

import dev.orchestrator.config.Settings;

/** PRODUCT.md's start-up rules for {@code serve}, as a pure decision. */
public final class StartupRules {
  private StartupRules() {}

  /** How {@code serve} starts. */
  public sealed interface Decision {
    /** Credentials and a secret: take webhooks. */
    record Normal(Settings.Mode mode) implements Decision {}

    /** No credentials at all: webhooks are answered 401 and {@code /setup} registers the App. */
    record Setup() implements Decision {}

    /** Credentials without a webhook secret: refuse to start, saying how to fix it. */
    record Refuse(String message) implements Decision {}
  }

  public static Decision decide(Settings settings) {
    Settings.GitHub gh = settings.github();
    if (gh.mode() == Settings.Mode.NONE) {
      return new Decision.Setup();
    }
    if (gh.webhookSecret().isEmpty()) {
      return new Decision.Refuse(
          "GitHub credentials are set but WEBHOOK_SECRET is not: set WEBHOOK_SECRET to the"
              + " secret configured on the App's webhook (generate one with"
              + " `openssl rand -hex 32` and paste it in both places)");
    }
    return new Decision.Normal(gh.mode());
  }
}
