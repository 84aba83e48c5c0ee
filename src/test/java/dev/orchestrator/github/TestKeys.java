package dev.orchestrator.github;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** RSA keys made in the test, written as PKCS#8 and PKCS#1 PEM like GitHub's download. */
public final class TestKeys {
  public static final KeyPair RSA = generate("RSA", 2048);

  private TestKeys() {}

  public static KeyPair generate(String algorithm, int size) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
      g.initialize(size);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String pkcs8Pem(KeyPair pair) {
    return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
  }

  /** GitHub's format: the RSAPrivateKey DER that PKCS#8 wraps, taken out of its wrapper. */
  public static String pkcs1Pem(KeyPair pair) {
    return pem("RSA PRIVATE KEY", pkcs1(pair.getPrivate().getEncoded()));
  }

  public static String publicPem(KeyPair pair) {
    return pem("PUBLIC KEY", pair.getPublic().getEncoded());
  }

  public static String pem(String label, byte[] der) {
    String b64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
  }

  /** Strips PrivateKeyInfo ::= SEQUENCE { INTEGER, AlgorithmIdentifier, OCTET STRING }. */
  static byte[] pkcs1(byte[] pkcs8) {
    int[] pos = {0};
    header(pkcs8, pos, 0x30); // outer SEQUENCE: step inside
    skip(pkcs8, pos, 0x02); // version
    skip(pkcs8, pos, 0x30); // AlgorithmIdentifier
    int length = header(pkcs8, pos, 0x04);
    return Arrays.copyOfRange(pkcs8, pos[0], pos[0] + length);
  }

  private static void skip(byte[] der, int[] pos, int tag) {
    int length = header(der, pos, tag);
    pos[0] += length;
  }

  private static int header(byte[] der, int[] pos, int tag) {
    if ((der[pos[0]] & 0xff) != tag) {
      throw new IllegalStateException("unexpected DER tag at " + pos[0]);
    }
    pos[0]++;
    int first = der[pos[0]++] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int length = 0;
    for (int i = 0; i < (first & 0x7f); i++) {
      length = (length << 8) | (der[pos[0]++] & 0xff);
    }
    return length;
  }
}
