package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.config.Secret;
import dev.orchestrator.config.Settings;
import dev.orchestrator.testing.MutableClock;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppAuthTest {
  private static final String CLEAR = "not an RSA private key in PEM (PKCS#1 or PKCS#8)";
  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");

  @TempDir Path dir;

  @Test
  void pkcs1KeyAsGitHubIssuesItSignsAnRs256JwtWithTheRightClaims() throws IOException {
    AppAuth auth = ready(file("app.pem", TestKeys.pkcs1Pem(TestKeys.RSA)));
    assertClaims(auth.jwt());
  }

  @Test
  void pkcs8KeySignsTheSameWay() throws IOException {
    AppAuth auth = ready(file("app.pem", TestKeys.pkcs8Pem(TestKeys.RSA)));
    assertClaims(auth.jwt());
  }

  @Test
  void theKeyIsDescribedByFormatAndSizeOnly() throws IOException {
    assertThat(ready(file("a.pem", TestKeys.pkcs1Pem(TestKeys.RSA))).keyDescription())
        .isEqualTo("PKCS#1 RSA key, 2048 bits");
    assertThat(ready(file("b.pem", TestKeys.pkcs8Pem(TestKeys.RSA))).keyDescription())
        .isEqualTo("PKCS#8 RSA key, 2048 bits");
  }

  @Test
  void inlinePrivateKeyWithCrlfLineEndingsIsAccepted() {
    String pem = TestKeys.pkcs1Pem(TestKeys.RSA).replace("\n", "\r\n");
    Settings.GitHub github =
        new Settings.GitHub(
            Optional.of(Fixture.APP_ID),
            Optional.of(Secret.of(pem)),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Settings.GitHub.DEFAULT_API_URL,
            Settings.GitHub.DEFAULT_WEB_URL);
    assertThat(AppAuth.load(github, clock)).isInstanceOf(AppAuth.Loaded.Ready.class);
  }

  @Test
  void anythingElseIsRejectedNamingTheVariableWithoutKeyMaterial() throws IOException {
    KeyPair ec = TestKeys.generate("EC", 256);
    String pkcs1 = TestKeys.pkcs1Pem(TestKeys.RSA);
    String encryptedPkcs1 =
        pkcs1.replace(
            "-----BEGIN RSA PRIVATE KEY-----\n",
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n");
    String[] bad = {
      "garbage, not a key at all",
      TestKeys.pem("EC PRIVATE KEY", ec.getPrivate().getEncoded()),
      TestKeys.pkcs8Pem(ec), // a PKCS#8 block that holds an EC key
      TestKeys.publicPem(TestKeys.RSA),
      TestKeys.pem("ENCRYPTED PRIVATE KEY", TestKeys.RSA.getPrivate().getEncoded()),
      encryptedPkcs1,
      "-----BEGIN RSA PRIVATE KEY-----\n!!!notbase64!!!\n-----END RSA PRIVATE KEY-----\n",
      "-----BEGIN RSA PRIVATE KEY-----\nAAAAAAAA\n-----END RSA PRIVATE KEY-----\n",
    };
    for (String pem : bad) {
      Path path = file("x.pem", pem);
      AppAuth.Loaded loaded = AppAuth.load(settings(path), clock);
      assertThat(loaded).as(pem).isInstanceOf(AppAuth.Loaded.Invalid.class);
      String message = ((AppAuth.Loaded.Invalid) loaded).message();
      assertThat(message).startsWith("PRIVATE_KEY_PATH \"" + path + "\": " + CLEAR);
      assertNoKeyMaterial(message, pem);
    }
  }

  @Test
  void theJwtNeverAppearsInTheAuthsText() throws IOException {
    AppAuth auth = ready(file("app.pem", TestKeys.pkcs1Pem(TestKeys.RSA)));
    assertThat(auth.toString()).doesNotContain(auth.jwt().reveal()).contains("***");
    assertThat(auth.jwt().toString()).isEqualTo("***");
  }

  private void assertClaims(Secret jwt) {
    Jws<Claims> parsed =
        Jwts.parser()
            .verifyWith(TestKeys.RSA.getPublic())
            .clock(() -> Date.from(clock.instant()))
            .build()
            .parseSignedClaims(jwt.reveal());
    assertThat(parsed.getHeader().getAlgorithm()).isEqualTo("RS256");
    Claims claims = parsed.getPayload();
    Instant now = clock.instant();
    assertThat(claims.getIssuer()).isEqualTo(Long.toString(Fixture.APP_ID));
    assertThat(claims.getIssuedAt().toInstant()).isEqualTo(now.minusSeconds(60));
    assertThat(claims.getExpiration().toInstant()).isEqualTo(now.plusSeconds(9 * 60));
    assertThat(claims.getExpiration().toInstant()).isBeforeOrEqualTo(now.plusSeconds(600));
  }

  static void assertNoKeyMaterial(String message, String pem) {
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    for (int i = 0; i + 12 <= body.length(); i += 6) {
      String slice = body.substring(i, i + 12);
      if (slice.matches("[A-Za-z0-9+/=]{12}")) {
        assertThat(message).doesNotContain(slice);
      }
    }
  }

  private AppAuth ready(Path path) {
    AppAuth.Loaded loaded = AppAuth.load(settings(path), clock);
    assertThat(loaded).isInstanceOf(AppAuth.Loaded.Ready.class);
    return ((AppAuth.Loaded.Ready) loaded).auth();
  }

  private Settings.GitHub settings(Path path) {
    return Fixture.settings(
        Optional.of(Fixture.APP_ID),
        Optional.of(path),
        Optional.empty(),
        Settings.GitHub.DEFAULT_API_URL);
  }

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }
}
