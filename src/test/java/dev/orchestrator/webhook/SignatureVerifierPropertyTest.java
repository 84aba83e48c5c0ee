package dev.orchestrator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random bodies, secrets and headers: the verifier never throws, accepts exactly the HMAC of the
 * body under one of the configured secrets (either one while a secret is being rotated), and
 * refuses every other header, including one byte changed in the body or the signature.
 */
class SignatureVerifierPropertyTest {

  @Property
  void anyHeaderGivesAVerdictAndOnlyTheRightOneIsValid(
      @ForAll byte[] body, @ForAll("headers") String header, @ForAll("anySecrets") Secret secret) {
    SignatureVerifier.Verdict v = SignatureVerifier.verify(body, header, List.of(secret));

    assertThat(v).isNotNull();
    if (v == SignatureVerifier.Verdict.VALID) {
      assertThat(header.strip().toLowerCase(java.util.Locale.ROOT))
          .isEqualTo(SignatureVerifier.sign(body, secret));
    }
  }

  @Property
  void eitherSecretVerifiesDuringRotation(
      @ForAll byte[] body,
      @ForAll("secrets") Secret current,
      @ForAll("secrets") Secret previous,
      @ForAll("secrets") Secret stranger) {
    List<Secret> rotating = List.of(current, previous);

    assertThat(SignatureVerifier.verify(body, SignatureVerifier.sign(body, current), rotating))
        .isEqualTo(SignatureVerifier.Verdict.VALID);
    assertThat(SignatureVerifier.verify(body, SignatureVerifier.sign(body, previous), rotating))
        .isEqualTo(SignatureVerifier.Verdict.VALID);
    if (!stranger.equals(current) && !stranger.equals(previous)) {
      assertThat(SignatureVerifier.verify(body, SignatureVerifier.sign(body, stranger), rotating))
          .isEqualTo(SignatureVerifier.Verdict.MISMATCH);
    }
  }

  @Property
  void oneChangedByteInTheBodyOrTheSignatureIsRefused(
      @ForAll byte[] body,
      @ForAll("secrets") Secret secret,
      @ForAll @IntRange(max = 1_000_000) int at,
      @ForAll @IntRange(min = 1, max = 255) int flip) {
    String header = SignatureVerifier.sign(body, secret);
    if (body.length > 0) {
      byte[] changed = body.clone();
      changed[at % body.length] ^= (byte) flip;
      assertThat(SignatureVerifier.verify(changed, header, List.of(secret)))
          .isEqualTo(SignatureVerifier.Verdict.MISMATCH);
    }
    char[] hex = header.toCharArray();
    int i = "sha256=".length() + at % 64;
    hex[i] = hex[i] == '0' ? '1' : '0';
    assertThat(SignatureVerifier.verify(body, new String(hex), List.of(secret)))
        .isEqualTo(SignatureVerifier.Verdict.MISMATCH);
  }

  @Property
  void noSecretVerifiesNothing(@ForAll byte[] body, @ForAll("secrets") Secret secret) {
    assertThat(SignatureVerifier.verify(body, SignatureVerifier.sign(body, secret), List.of()))
        .isEqualTo(SignatureVerifier.Verdict.MISMATCH);
  }

  /** Found by the properties above: an empty secret made {@code SecretKeySpec} throw. */
  @Example
  void anEmptySecretNeverMatchesAndNeverThrows() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    // the HMAC-SHA256 of "{}" under an empty key (Python's hmac module): right for that key, and
    // still refused, since anyone can compute it
    String emptyKeyHmac = "sha256=22f8eea909400af98adf3681a9f31923ef6b7fcba4abb553d92823a3e9d5c25e";
    assertThat(SignatureVerifier.verify(body, emptyKeyHmac, List.of(Secret.of(""))))
        .isEqualTo(SignatureVerifier.Verdict.MISMATCH);
    assertThat(
            SignatureVerifier.verify(
                body,
                SignatureVerifier.sign(body, Secret.of("s")),
                List.of(Secret.of(""), Secret.of("s"))))
        .isEqualTo(SignatureVerifier.Verdict.VALID);
  }

  /** Secrets that can sign: any non-empty text. */
  @Provide
  Arbitrary<Secret> secrets() {
    return Arbitraries.oneOf(
            Arbitraries.strings().ofMinLength(1).ofMaxLength(80),
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(64))
        .map(Secret::of);
  }

  /** Configured secrets, the empty one included. */
  @Provide
  Arbitrary<Secret> anySecrets() {
    return Arbitraries.oneOf(secrets(), Arbitraries.just(Secret.of("")));
  }

  /** Noise, near misses of the format (wrong prefix, length, case, non-hex) and blank headers. */
  @Provide
  Arbitrary<String> headers() {
    Arbitrary<String> hex =
        Arbitraries.strings().withChars("0123456789abcdefABCDEFgG").ofLength(64);
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(90),
        hex.map(h -> "sha256=" + h),
        hex.map(h -> "SHA256=" + h),
        hex.map(h -> "sha1=" + h),
        hex.map(h -> "  sha256=" + h + "\t"),
        Arbitraries.strings().ofLength(64).map(h -> "sha256=" + h),
        Arbitraries.strings()
            .withChars("0123456789abcdef")
            .ofMinLength(0)
            .ofMaxLength(70)
            .map(h -> "sha256=" + h),
        Arbitraries.of("", " ", "sha256=", "\u0000"),
        Arbitraries.just(null));
  }
}
