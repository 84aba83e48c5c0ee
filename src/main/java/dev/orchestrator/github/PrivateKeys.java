package dev.orchestrator.github;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the App's RSA private key from PEM: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what GitHub
 * issues) and PKCS#8 ({@code BEGIN PRIVATE KEY}). Java's {@link KeyFactory} only takes PKCS#8, so a
 * PKCS#1 key is wrapped in a PKCS#8 {@code PrivateKeyInfo} here (no BouncyCastle). Messages never
 * carry key material, only where the key came from and what kind of PEM block was found.
 */
final class PrivateKeys {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private PrivateKeys() {}

  /** What parsing produced. */
  sealed interface Parsed {
    /** A usable RSA key; {@code format} is {@code PKCS#1} or {@code PKCS#8}. */
    record Rsa(RSAPrivateKey key, String format) implements Parsed {}

    /** Not usable; {@code message} names the source and never includes key material. */
    record Invalid(String message) implements Parsed {}
  }

  /**
   * Parses {@code pem}; {@code source} names where it came from for messages, for example {@code
   * PRIVATE_KEY_PATH "app.pem"} or {@code PRIVATE_KEY}.
   */
  static Parsed parse(String pem, String source) {
    Matcher m = BLOCK.matcher(pem);
    if (!m.find()) {
      return invalid(source, "no PEM block found");
    }
    String label = m.group(1);
    String body = m.group(2);
    if (body.contains(":")) {
      // RFC 1421 headers such as "Proc-Type: 4,ENCRYPTED" only appear on encrypted keys
      return invalid(source, "the key is encrypted; use the unencrypted key GitHub issued");
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      return invalid(source, "the \"" + label + "\" block is not valid base64");
    }
    switch (label) {
      case "RSA PRIVATE KEY":
        return rsa(wrapPkcs1(der), source, label, "PKCS#1");
      case "PRIVATE KEY":
        return rsa(der, source, label, "PKCS#8");
      case "ENCRYPTED PRIVATE KEY":
        return invalid(source, "the key is encrypted; use the unencrypted key GitHub issued");
      default:
        return invalid(source, "found a \"" + label + "\" block");
    }
  }

  private static Parsed rsa(byte[] pkcs8, String source, String label, String format) {
    try {
      PrivateKey key =
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      if (key instanceof RSAPrivateKey rsa) {
        return new Parsed.Rsa(rsa, format);
      }
      return invalid(source, "the \"" + label + "\" block does not hold an RSA key");
    } catch (GeneralSecurityException | RuntimeException e) {
      // the provider's message may quote bytes of the key, so it is not passed on
      return invalid(source, "the \"" + label + "\" block does not hold an RSA key");
    }
  }

  private static Parsed invalid(String source, String detail) {
    return new Parsed.Invalid(
        source + ": not an RSA private key in PEM (PKCS#1 or PKCS#8): " + detail);
  }

  /** PrivateKeyInfo ::= SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING pkcs1 }. */
  static byte[] wrapPkcs1(byte[] pkcs1) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.writeBytes(new byte[] {0x02, 0x01, 0x00});
    content.writeBytes(RSA_ALGORITHM);
    content.writeBytes(tlv(0x04, pkcs1));
    return tlv(0x30, content.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = value.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(value);
    return out.toByteArray();
  }
}
