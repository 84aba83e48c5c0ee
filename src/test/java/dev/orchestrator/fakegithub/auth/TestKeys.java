package dev.orchestrator.fakegithub.auth;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * An RSA key pair for a test GitHub App, with the private key as PEM text in both encodings the
 * product must read: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what GitHub issues) and PKCS#8 ({@code
 * BEGIN PRIVATE KEY}, what Java's {@code KeyFactory} wants).
 */
public final class TestKeys {
  private static final class Shared {
    // one 2048-bit key per test JVM: generating one takes a noticeable fraction of a second
    static final TestKeys KEYS = generate();
  }

  private final RSAPublicKey publicKey;
  private final RSAPrivateCrtKey privateKey;

  private TestKeys(RSAPublicKey publicKey, RSAPrivateCrtKey privateKey) {
    this.publicKey = publicKey;
    this.privateKey = privateKey;
  }

  /** The key pair shared by fakes in this JVM. */
  public static TestKeys shared() {
    return Shared.KEYS;
  }

  /** A fresh 2048-bit key pair (for a "wrong key" test). */
  public static TestKeys generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      return new TestKeys((RSAPublicKey) pair.getPublic(), (RSAPrivateCrtKey) pair.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("generating a test RSA key pair", e);
    }
  }

  /** The public key the fake verifies app JWTs with. */
  public RSAPublicKey publicKey() {
    return publicKey;
  }

  /** The private key the app signs with. */
  public RSAPrivateCrtKey privateKey() {
    return privateKey;
  }

  /** The private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
  public String pkcs8Pem() {
    return pem("PRIVATE KEY", privateKey.getEncoded());
  }

  /** The private key as PKCS#1 PEM ({@code -----BEGIN RSA PRIVATE KEY-----}), as GitHub issues. */
  public String pkcs1Pem() {
    return pem("RSA PRIVATE KEY", pkcs1Der());
  }

  /** RFC 8017 RSAPrivateKey: SEQUENCE of version and the eight CRT integers. */
  private byte[] pkcs1Der() {
    RSAPrivateCrtKey k = privateKey;
    BigInteger[] fields = {
      BigInteger.ZERO,
      k.getModulus(),
      k.getPublicExponent(),
      k.getPrivateExponent(),
      k.getPrimeP(),
      k.getPrimeQ(),
      k.getPrimeExponentP(),
      k.getPrimeExponentQ(),
      k.getCrtCoefficient()
    };
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (BigInteger field : fields) {
      body.writeBytes(tlv(0x02, field.toByteArray())); // two's complement, as DER wants
    }
    return tlv(0x30, body.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = value.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      byte[] digits = BigInteger.valueOf(length).toByteArray();
      int start = digits[0] == 0 ? 1 : 0;
      out.write(0x80 | (digits.length - start));
      out.write(digits, start, digits.length - start);
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  private static String pem(String type, byte[] der) {
    String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }

  @Override
  public String toString() {
    return "TestKeys[***]";
  }
}
