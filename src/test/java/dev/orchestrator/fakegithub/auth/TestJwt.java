package dev.orchestrator.fakegithub.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Signs app JWTs for tests that call the fake directly (the product signs its own). RS256, the
 * claims GitHub reads: {@code iat}, {@code exp}, {@code iss}.
 */
public final class TestJwt {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestJwt() {}

  /** A JWT as GitHub's docs recommend: issued 60 s ago, expiring 9 minutes after issue. */
  public static String valid(TestKeys keys, long appId, Instant now) {
    Instant iat = now.minusSeconds(60);
    return sign(keys, Long.toString(appId), iat, iat.plus(Duration.ofMinutes(9)));
  }

  /** A JWT with exactly these claims ({@code iss} as a string, as most libraries write it). */
  public static String sign(TestKeys keys, String iss, Instant iat, Instant exp) {
    return sign(keys, claims(iat, exp).put("iss", iss));
  }

  /** The same with {@code iss} as a JSON number. */
  public static String sign(TestKeys keys, long iss, Instant iat, Instant exp) {
    return sign(keys, claims(iat, exp).put("iss", iss));
  }

  private static ObjectNode claims(Instant iat, Instant exp) {
    return JSON.createObjectNode()
        .put("iat", iat.getEpochSecond())
        .put("exp", exp.getEpochSecond());
  }

  /** A JWT over any claims, signed RS256 with {@code keys}. */
  public static String sign(TestKeys keys, ObjectNode claims) {
    ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
    String signingInput = part(header) + "." + part(claims);
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(keys.privateKey());
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + base64(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing a test JWT", e);
    }
  }

  private static String part(ObjectNode node) {
    return base64(node.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
