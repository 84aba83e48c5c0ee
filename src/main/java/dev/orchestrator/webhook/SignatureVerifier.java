package dev.orchestrator.webhook;

import dev.orchestrator.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies {@code X-Hub-Signature-256} over the raw body, before anything parses it. The prefix and
 * length are checked first; the comparison is constant-time ({@link MessageDigest#isEqual}).
 * Several secrets are tried so that a secret can be rotated without losing deliveries.
 */
public final class SignatureVerifier {
  private static final String PREFIX = "sha256=";
  private static final int HEX_LENGTH = 64;

  private SignatureVerifier() {}

  /** Why a signature was refused, or that it was good. */
  public enum Verdict {
    VALID("valid"),
    MISSING("missing X-Hub-Signature-256 header"),
    MALFORMED("X-Hub-Signature-256 is not \"sha256=\" followed by 64 hex digits"),
    MISMATCH("X-Hub-Signature-256 does not match the body for the configured secret");

    private final String message;

    Verdict(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  /**
   * Checks {@code header} against the HMAC-SHA256 of {@code body} under each of {@code secrets}.
   */
  public static Verdict verify(byte[] body, String header, List<Secret> secrets) {
    if (header == null || header.isBlank()) {
      return Verdict.MISSING;
    }
    String h = header.strip();
    if (!h.startsWith(PREFIX) || h.length() != PREFIX.length() + HEX_LENGTH) {
      return Verdict.MALFORMED;
    }
    byte[] given;
    try {
      given =
          HexFormat.of().parseHex(h.substring(PREFIX.length()).toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Verdict.MALFORMED;
    }
    boolean match = false;
    for (Secret secret : secrets) {
      // No early exit: every configured secret costs the same time whichever matches. An empty
      // secret signs nothing (anyone could compute its HMAC), and SecretKeySpec refuses it.
      match |= !secret.isEmpty() && MessageDigest.isEqual(hmac(body, secret), given);
    }
    return match ? Verdict.VALID : Verdict.MISMATCH;
  }

  /**
   * The {@code sha256=…} header value for {@code body}; used by {@code agent receive} and tests.
   */
  public static String sign(byte[] body, Secret secret) {
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("signing with an empty webhook secret");
    }
    return PREFIX + HexFormat.of().formatHex(hmac(body, secret));
  }

  private static byte[] hmac(byte[] body, Secret secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("computing HMAC-SHA256: " + e.getClass().getSimpleName(), e);
    }
  }
}
