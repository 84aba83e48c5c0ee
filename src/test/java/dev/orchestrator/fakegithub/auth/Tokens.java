package dev.orchestrator.fakegithub.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Installation tokens the fake minted and personal access tokens tests configured. Installation
 * tokens expire an hour after minting by the fake's clock.
 */
public final class Tokens {
  /** How long GitHub's installation tokens live. */
  public static final Duration LIFETIME = Duration.ofHours(1);

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final Map<String, InstallationToken> installationTokens = new HashMap<>();
  private final Map<String, String> personal = new HashMap<>();
  private final AtomicInteger minted = new AtomicInteger();

  /** Tokens judged by {@code clock}. */
  public Tokens(Clock clock) {
    this.clock = clock;
  }

  /**
   * A minted installation token.
   *
   * @param token the {@code ghs_…} value
   * @param installationId whose it is
   * @param expiresAt when it stops working
   * @param permissions what it may do
   */
  public record InstallationToken(
      String token, long installationId, Instant expiresAt, Map<String, String> permissions) {
    /** Copies the permission map, sorted so answers do not depend on hash order. */
    public InstallationToken {
      permissions = Collections.unmodifiableSortedMap(new TreeMap<>(permissions));
    }

    @Override
    public String toString() {
      return "InstallationToken[installation=" + installationId + ", expiresAt=" + expiresAt + "]";
    }
  }

  /** Mints a token for an installation, counted in {@link #minted()}. */
  public InstallationToken mint(long installationId, Map<String, String> permissions) {
    minted.incrementAndGet();
    return issue(installationId, permissions);
  }

  /** Issues a token without counting it: for tests that need one and are not about minting. */
  public synchronized InstallationToken issue(
      long installationId, Map<String, String> permissions) {
    Instant expires = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(LIFETIME);
    InstallationToken token =
        new InstallationToken("ghs_" + random(36), installationId, expires, permissions);
    installationTokens.put(token.token(), token);
    return token;
  }

  /** The installation token with that value, expired or not. */
  public synchronized Optional<InstallationToken> installationToken(String value) {
    return Optional.ofNullable(installationTokens.get(value));
  }

  /** True once a token's hour is over by the fake's clock. */
  public boolean expired(InstallationToken token) {
    return !clock.instant().isBefore(token.expiresAt());
  }

  /** Accepts {@code value} as a personal access token of {@code login}. */
  public synchronized void addPersonal(String value, String login) {
    personal.put(value, login);
  }

  /** The login a personal access token belongs to. */
  public synchronized Optional<String> personalLogin(String value) {
    return Optional.ofNullable(personal.get(value));
  }

  /** Every installation token value handed out, minted or issued, for leak searches. */
  public synchronized java.util.List<String> installationTokenValues() {
    return java.util.List.copyOf(installationTokens.keySet());
  }

  /** How many installation tokens were minted through the API. */
  public int minted() {
    return minted.get();
  }

  private static String random(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
