package dev.orchestrator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
  private static final List<Secret> SECRETS = List.of(Secret.of("It's a Secret to Everybody"));
  private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);

  @Test
  void githubsDocumentedExampleVerifies() {
    // GitHub's "Validating webhook deliveries" example: this secret and body give this signature.
    String header = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    assertThat(SignatureVerifier.verify(HELLO, header, SECRETS))
        .isEqualTo(SignatureVerifier.Verdict.VALID);
    assertThat(SignatureVerifier.sign(HELLO, SECRETS.get(0))).isEqualTo(header);
  }

  @Test
  void refusesMissingMalformedAndMismatched() {
    assertThat(SignatureVerifier.verify(HELLO, null, SECRETS))
        .isEqualTo(SignatureVerifier.Verdict.MISSING);
    assertThat(SignatureVerifier.verify(HELLO, " ", SECRETS))
        .isEqualTo(SignatureVerifier.Verdict.MISSING);
    assertThat(
            SignatureVerifier.verify(
                HELLO, "sha1=757107ea0eb2509fc211221cce984b8a37570b6d", SECRETS))
        .isEqualTo(SignatureVerifier.Verdict.MALFORMED);
    assertThat(SignatureVerifier.verify(HELLO, "sha256=zz" + "0".repeat(62), SECRETS))
        .isEqualTo(SignatureVerifier.Verdict.MALFORMED);
    assertThat(SignatureVerifier.verify(HELLO, "sha256=" + "0".repeat(63), SECRETS))
        .isEqualTo(SignatureVerifier.Verdict.MALFORMED);
    assertThat(SignatureVerifier.verify(HELLO, "sha256=" + "0".repeat(64), SECRETS))
        .isEqualTo(SignatureVerifier.Verdict.MISMATCH);
  }

  @Test
  void anyConfiguredSecretMatchesAndUppercaseHexIsAccepted() {
    List<Secret> two = List.of(Secret.of("new"), SECRETS.get(0));
    String header = SignatureVerifier.sign(HELLO, SECRETS.get(0));
    assertThat(SignatureVerifier.verify(HELLO, header, two))
        .isEqualTo(SignatureVerifier.Verdict.VALID);
    assertThat(SignatureVerifier.verify(HELLO, "sha256=" + header.substring(7).toUpperCase(), two))
        .isEqualTo(SignatureVerifier.Verdict.VALID);
    assertThat(SignatureVerifier.verify(HELLO, header, List.of()))
        .isEqualTo(SignatureVerifier.Verdict.MISMATCH);
  }

  @Property
  void neverThrowsAndOnlyItsOwnSignatureVerifies(@ForAll byte[] body, @ForAll String header) {
    SignatureVerifier.Verdict v = SignatureVerifier.verify(body, header, SECRETS);
    assertThat(v).isNotNull();
    if (v == SignatureVerifier.Verdict.VALID) {
      assertThat(header.strip().toLowerCase())
          .isEqualTo(SignatureVerifier.sign(body, SECRETS.get(0)));
    }
    assertThat(
            SignatureVerifier.verify(body, SignatureVerifier.sign(body, SECRETS.get(0)), SECRETS))
        .isEqualTo(SignatureVerifier.Verdict.VALID);
  }
}
