package dev.orchestrator.fakegithub.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks an app JWT the way GitHub does: RS256 over {@code header.payload} with the app's key,
 * {@code iss} the app id (number or numeric string) or its client id, {@code exp} in the future but
 * at most 10 minutes after {@code iat} and after now, {@code iat} not in the future. Written by
 * hand, not with the production JWT library, so the fake cannot share that library's mistakes.
 * Problems come back as GitHub's messages.
 */
public final class JwtVerifier {
  /** GitHub's ceiling for an app JWT's lifetime. */
  public static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

  static final String UNDECODABLE = "A JSON web token could not be decoded";
  static final String EXPIRED =
      "'Expiration time' claim ('exp') must be a numeric value representing the future time at"
          + " which the assertion expires";
  static final String TOO_FAR = "'Expiration time' claim ('exp') is too far in the future";
  static final String ISSUED_LATER =
      "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was"
          + " issued";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final RSAPublicKey key;
  private final long appId;
  private final String clientId;
  private final Clock clock;

  /** A verifier for one app's key. */
  public JwtVerifier(RSAPublicKey key, long appId, String clientId, Clock clock) {
    this.key = key;
    this.appId = appId;
    this.clientId = clientId;
    this.clock = clock;
  }

  /** GitHub's message for what is wrong with {@code jwt}, or empty when it is accepted. */
  public Optional<String> problem(String jwt) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.of(UNDECODABLE);
    }
    JsonNode header;
    JsonNode claims;
    try {
      header = decode(parts[0]);
      claims = decode(parts[1]);
      if (!"RS256".equals(header.path("alg").asText()) || !signatureValid(parts)) {
        return Optional.of(UNDECODABLE);
      }
    } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
      return Optional.of(UNDECODABLE);
    }
    if (!issuerMatches(claims.path("iss"))) {
      return Optional.of(UNDECODABLE);
    }
    JsonNode iat = claims.path("iat");
    JsonNode exp = claims.path("exp");
    long now = clock.instant().getEpochSecond();
    if (!iat.canConvertToLong() || !iat.isIntegralNumber() || iat.asLong() > now) {
      return Optional.of(ISSUED_LATER);
    }
    if (!exp.isIntegralNumber() || exp.asLong() <= now) {
      return Optional.of(EXPIRED);
    }
    long max = MAX_LIFETIME.toSeconds();
    if (exp.asLong() - iat.asLong() > max || exp.asLong() > now + max) {
      return Optional.of(TOO_FAR);
    }
    return Optional.empty();
  }

  private boolean signatureValid(String[] parts) throws GeneralSecurityException {
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(key);
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
  }

  private boolean issuerMatches(JsonNode iss) {
    if (iss.isIntegralNumber()) {
      return iss.asLong() == appId;
    }
    return iss.isTextual()
        && (iss.asText().equals(Long.toString(appId)) || iss.asText().equals(clientId));
  }

  private static JsonNode decode(String part) throws IOException {
    JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(part));
    if (node == null || !node.isObject()) {
      throw new IOException("not a JSON object");
    }
    return node;
  }
}
