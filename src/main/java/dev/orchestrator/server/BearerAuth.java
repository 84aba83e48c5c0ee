package dev.orchestrator.server;

import dev.orchestrator.config.Secret;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code API_TOKEN}: when it is set, every route but the open ones needs {@code Authorization:
 * Bearer <API_TOKEN>}. Protection is the default, so a route added later (the admin routes) is
 * protected without anyone remembering to ask for it; only {@link #OPEN_PATHS} are exempt.
 */
final class BearerAuth {
  /**
   * Never behind the token: probes must work without credentials, GitHub authenticates its
   * deliveries with their signature, and the setup pages (setup mode only) are opened by a browser,
   * which cannot send the token: {@code /setup} is held to loopback and its callback to the
   * one-time state instead.
   */
  static final Set<String> OPEN_PATHS =
      Set.of("/healthz", "/readyz", "/api/github/webhooks", SetupRoutes.PAGE, SetupRoutes.CALLBACK);

  /** Sent with every 401, as RFC 6750 asks. */
  static final String CHALLENGE = "Bearer realm=\"agent-orchestrator\"";

  private static final String SCHEME = "bearer ";

  private final Optional<byte[]> expected;

  BearerAuth(Optional<Secret> apiToken) {
    this.expected = apiToken.map(t -> sha256(t.reveal()));
  }

  /** Why a request is refused, or empty when it may go on. */
  Optional<String> refusal(String path, String authorization) {
    if (expected.isEmpty() || OPEN_PATHS.contains(path)) {
      return Optional.empty();
    }
    if (authorization == null || authorization.isBlank()) {
      return Optional.of(
          "this route needs the header \"Authorization: Bearer <API_TOKEN>\"; none was sent");
    }
    String value = authorization.strip();
    if (value.length() <= SCHEME.length()
        || !value.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return Optional.of("the Authorization header must be \"Bearer <API_TOKEN>\"");
    }
    // Both sides are hashed first, so the comparison takes the same time whatever the length.
    byte[] given = sha256(value.substring(SCHEME.length()).strip());
    return MessageDigest.isEqual(given, expected.get())
        ? Optional.empty()
        : Optional.of("the bearer token does not match API_TOKEN");
  }

  /**
   * The one start-up warning when the status and metrics routes are open to the network: no {@code
   * API_TOKEN} while listening beyond loopback.
   */
  static Optional<String> startupWarning(String host, Optional<Secret> apiToken) {
    if (apiToken.isPresent() || isLoopback(host)) {
      return Optional.empty();
    }
    return Optional.of(
        "API_TOKEN is not set and HOST \""
            + host
            + "\" is not a loopback address: /api/status, /metrics and the admin routes are open"
            + " to anyone who can reach this port; set API_TOKEN (e.g. `openssl rand -hex 32`) or"
            + " HOST=127.0.0.1");
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException | SecurityException e) {
      return false; // a name we cannot resolve is not known to be loopback
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
