package dev.orchestrator.github;

import dev.orchestrator.config.Secret;
import dev.orchestrator.config.Settings;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The App's identity: its id and private key, and the short-lived JWT signed with them (RS256). The
 * JWT is what {@code /app/...} endpoints and the installation-token mint accept.
 */
public final class AppAuth {
  /** Back-dating {@code iat} absorbs clock drift between us and GitHub, as GitHub recommends. */
  public static final Duration ISSUED_AT_SKEW = Duration.ofSeconds(60);

  /** GitHub refuses an App JWT that lives longer than 10 minutes; 9 leaves room for drift. */
  public static final Duration JWT_LIFETIME = Duration.ofMinutes(9);

  private final long appId;
  private final RSAPrivateKey key;
  private final Clock clock;
  private final String keyDescription;

  AppAuth(long appId, RSAPrivateKey key, Clock clock, String format) {
    this.appId = appId;
    this.key = key;
    this.clock = clock;
    this.keyDescription = format + " RSA key, " + key.getModulus().bitLength() + " bits";
  }

  /** What loading produced. */
  public sealed interface Loaded {
    /** The App's credentials, ready to sign. */
    record Ready(AppAuth auth) implements Loaded {}

    /** Not App mode. */
    record NotConfigured() implements Loaded {}

    /** The key could not be used; the message names the variable and holds no key material. */
    record Invalid(String message) implements Loaded {}
  }

  /**
   * Loads the App's credentials from {@code APP_ID} and {@code PRIVATE_KEY_PATH}/{@code
   * PRIVATE_KEY}.
   */
  public static Loaded load(Settings.GitHub github, Clock clock) {
    if (github.mode() != Settings.Mode.APP) {
      return new Loaded.NotConfigured();
    }
    long appId = github.appId().orElseThrow();
    Optional<Path> path = github.privateKeyPath();
    String pem;
    String source;
    if (path.isPresent()) {
      source = "PRIVATE_KEY_PATH \"" + path.get() + "\"";
      try {
        pem = Files.readString(path.get(), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        return new Loaded.Invalid(
            source + ": cannot read the file (" + e.getClass().getSimpleName() + ")");
      }
    } else {
      source = "PRIVATE_KEY";
      pem = github.privateKeyPem().orElseThrow().reveal();
    }
    PrivateKeys.Parsed parsed = PrivateKeys.parse(pem, source);
    if (parsed instanceof PrivateKeys.Parsed.Rsa rsa) {
      return new Loaded.Ready(new AppAuth(appId, rsa.key(), clock, rsa.format()));
    }
    return new Loaded.Invalid(((PrivateKeys.Parsed.Invalid) parsed).message());
  }

  /** What kind of key this is, without any of its material: {@code PKCS#1 RSA key, 2048 bits}. */
  public String keyDescription() {
    return keyDescription;
  }

  /** The App's id ({@code APP_ID}). */
  public long appId() {
    return appId;
  }

  /**
   * A freshly signed App JWT: {@code iat} 60 s back, {@code exp} 9 minutes ahead, {@code iss} the
   * id.
   */
  public Secret jwt() {
    Instant now = clock.instant();
    return Secret.of(
        Jwts.builder()
            .issuer(Long.toString(appId))
            .issuedAt(Date.from(now.minus(ISSUED_AT_SKEW)))
            .expiration(Date.from(now.plus(JWT_LIFETIME)))
            .signWith(key, Jwts.SIG.RS256)
            .compact());
  }

  @Override
  public String toString() {
    return "AppAuth[appId=" + appId + ", key=***]";
  }
}
