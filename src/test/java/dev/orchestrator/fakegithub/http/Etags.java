package dev.orchestrator.fakegithub.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Weak ETags over the response body, and {@code If-None-Match} matching as RFC 9110 says. */
final class Etags {
  private Etags() {}

  /** {@code W/"<sha-256 of the body>"}: equal bodies, equal tags. */
  static String of(String body) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return "W/\"" + HexFormat.of().formatHex(digest) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  /** True when {@code ifNoneMatch} (a list, or {@code *}) matches {@code etag} weakly. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    if (ifNoneMatch.trim().equals("*")) {
      return true;
    }
    String wanted = opaque(etag);
    for (String candidate : ifNoneMatch.split(",")) {
      if (opaque(candidate.trim()).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
