package dev.orchestrator.doctor;

import dev.orchestrator.config.Settings;
import dev.orchestrator.github.AppAuth;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The GitHub mode and, in App mode, the private key (read by the github package's own parser, so
 * PKCS#1 and PKCS#8 are judged exactly as the server judges them) and one signed App JWT.
 */
final class CredentialChecks {
  /** The findings; {@code appSigns} when App mode's key signed a JWT, so GitHub can be asked. */
  record Outcome(List<Finding> findings, boolean appSigns) {}

  private CredentialChecks() {}

  static Outcome run(Settings.GitHub github, Clock clock) {
    List<Finding> out = new ArrayList<>();
    switch (github.mode()) {
      case APP:
        out.add(
            Finding.ok(
                "mode",
                "app (APP_ID "
                    + github.appId().orElseThrow()
                    + ")"
                    + (github.token().isPresent()
                        ? "; GITHUB_TOKEN is set too and is not used in App mode"
                        : "")));
        break;
      case TOKEN:
        out.add(Finding.ok("mode", "token (GITHUB_TOKEN)"));
        return new Outcome(out, false);
      default:
        out.add(
            Finding.warn(
                "mode",
                "none: without GitHub credentials `agent serve` starts in setup mode (webhooks"
                    + " answered 401) and registers the App at /setup (docs/SETUP.md); or set"
                    + " APP_ID and PRIVATE_KEY_PATH, or GITHUB_TOKEN"));
        return new Outcome(out, false);
    }
    AppAuth.Loaded loaded = AppAuth.load(github, clock);
    if (loaded instanceof AppAuth.Loaded.Invalid invalid) {
      out.add(
          Finding.fail(
              "private key",
              invalid.message()
                  + "; use the .pem downloaded from the App's settings (Private keys), PKCS#1"
                  + " or PKCS#8"));
      return new Outcome(out, false);
    }
    AppAuth auth = ((AppAuth.Loaded.Ready) loaded).auth();
    String source =
        github.privateKeyPath().map(p -> "PRIVATE_KEY_PATH \"" + p + "\"").orElse("PRIVATE_KEY");
    out.add(Finding.ok("private key", auth.keyDescription() + ", from " + source));
    try {
      auth.jwt();
    } catch (RuntimeException e) {
      // jjwt refuses, for one, RSA keys under 2048 bits for RS256; its message holds no key
      out.add(
          Finding.fail(
              "app jwt",
              "cannot sign an App JWT with this key ("
                  + e.getMessage()
                  + "); generate a new private key in the App's settings"));
      return new Outcome(out, false);
    }
    out.add(
        Finding.ok(
            "app jwt",
            "signed (RS256, valid "
                + AppAuth.JWT_LIFETIME.toMinutes()
                + " minutes) for APP_ID "
                + auth.appId()));
    return new Outcome(out, true);
  }
}
