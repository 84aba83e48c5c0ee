package dev.orchestrator.fakegithub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.fakegithub.auth.TestJwt;
import dev.orchestrator.fakegithub.auth.TestKeys;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.testing.MutableClock;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** App JWTs, installation tokens and their expiry, judged by the fake's clock. */
class AppAuthTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private final MutableClock clock = MutableClock.at(T0);
  private FakeGitHub github;
  private FakeClient client;

  @BeforeEach
  void start() {
    github = FakeGitHub.builder().clock(clock).start();
    github.repo("octo", "hello").add(IssueSeed.issue("Crash on start"));
    client = new FakeClient(github.apiUrl());
  }

  @AfterEach
  void stop() {
    github.assertNoUnknownRoutes();
    github.close();
  }

  private FakeClient.Answer getApp(String jwt) throws Exception {
    return client.get("/app").bearer(jwt).send();
  }

  @Test
  void aJwtSignedWithTheAppKeyIsAccepted() throws Exception {
    FakeClient.Answer answer = getApp(github.appJwt());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("id").asLong()).isEqualTo(github.appId());
    assertThat(answer.json().path("slug").asText()).isEqualTo("agent-orchestrator-test");
  }

  @Test
  void aJwtWithTheIssuerAsANumberIsAcceptedToo() throws Exception {
    // GitHub documents iss as the app's id; libraries write it as a string or a number
    String jwt = TestJwt.sign(github.keys(), 4242L, T0.minusSeconds(30), T0.plusSeconds(300));

    assertThat(getApp(jwt).status()).isEqualTo(200);
  }

  @Test
  void aJwtSignedWithAnotherKeyIsRejected() throws Exception {
    FakeClient.Answer answer = getApp(TestJwt.valid(TestKeys.generate(), github.appId(), T0));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().path("message").asText())
        .isEqualTo("A JSON web token could not be decoded");
  }

  @Test
  void aJwtForAnotherAppIsRejected() throws Exception {
    FakeClient.Answer answer = getApp(TestJwt.valid(github.keys(), 999, T0));

    assertThat(answer.status()).isEqualTo(401);
  }

  @Test
  void anExpiredJwtIsRejected() throws Exception {
    String jwt = TestJwt.valid(github.keys(), github.appId(), T0);
    clock.advance(Duration.ofMinutes(9));

    FakeClient.Answer answer = getApp(jwt);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().path("message").asText())
        .startsWith("'Expiration time' claim ('exp') must be a numeric value");
  }

  @Test
  void aJwtLivingLongerThanTenMinutesIsRejected() throws Exception {
    String jwt =
        TestJwt.sign(github.keys(), "4242", T0.minusSeconds(60), T0.plus(Duration.ofMinutes(10)));

    FakeClient.Answer answer = getApp(jwt);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().path("message").asText())
        .isEqualTo("'Expiration time' claim ('exp') is too far in the future");
  }

  @Test
  void aJwtIssuedInTheFutureIsRejected() throws Exception {
    String jwt = TestJwt.sign(github.keys(), "4242", T0.plusSeconds(30), T0.plusSeconds(300));

    assertThat(getApp(jwt).json().path("message").asText()).startsWith("'Issued at' claim");
  }

  @Test
  void appRoutesNeedAJwtNotAToken() throws Exception {
    FakeClient.Answer none = client.get("/app").send();
    FakeClient.Answer token = client.get("/app").token(github.installationToken(1)).send();

    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().path("message").asText()).isEqualTo("Requires authentication");
    assertThat(token.status()).isEqualTo(401);
  }

  @Test
  void mintsInstallationTokensThatLiveOneHour() throws Exception {
    FakeClient.Answer answer =
        client.post("/app/installations/1/access_tokens").bearer(github.appJwt()).send();

    assertThat(answer.status()).isEqualTo(201);
    JsonNode body = answer.json();
    assertThat(body.path("token").asText()).matches("ghs_[A-Za-z0-9]{36}");
    assertThat(body.path("expires_at").asText()).isEqualTo("2026-03-01T13:00:00Z");
    assertThat(body.path("permissions").path("issues").asText()).isEqualTo("write");
    assertThat(body.has("repositories")).isFalse();
    assertThat(github.tokensMinted()).isEqualTo(1);
  }

  @Test
  void aTokenCanBeNarrowedToSomePermissions() throws Exception {
    FakeClient.Answer answer =
        client
            .post("/app/installations/1/access_tokens")
            .bearer(github.appJwt())
            .json("{\"permissions\":{\"issues\":\"read\"}}")
            .send();

    assertThat(answer.json().path("permissions").toString()).isEqualTo("{\"issues\":\"read\"}");
  }

  @Test
  void oneInstallationIsReadByIdWithTheAppJwt() throws Exception {
    FakeClient.Answer known = client.get("/app/installations/1").bearer(github.appJwt()).send();
    FakeClient.Answer unknown = client.get("/app/installations/77").bearer(github.appJwt()).send();

    assertThat(known.status()).isEqualTo(200);
    assertThat(known.json().path("id").asLong()).isEqualTo(1);
    assertThat(known.json().path("account").path("login").asText()).isEqualTo("octo");
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void mintingForAnUnknownInstallationIs404() throws Exception {
    FakeClient.Answer answer =
        client.post("/app/installations/77/access_tokens").bearer(github.appJwt()).send();

    assertThat(answer.status()).isEqualTo(404);
    assertThat(github.tokensMinted()).isZero();
  }

  @Test
  void anExpiredInstallationTokenGets401BadCredentials() throws Exception {
    String token =
        client
            .post("/app/installations/1/access_tokens")
            .bearer(github.appJwt())
            .send()
            .json()
            .path("token")
            .asText();
    FakeClient.Req get = client.get("/repos/octo/hello/issues/1").token(token);

    assertThat(get.send().status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(59).plusSeconds(59));
    assertThat(client.get("/repos/octo/hello/issues/1").token(token).send().status())
        .isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    FakeClient.Answer expired = client.get("/repos/octo/hello/issues/1").token(token).send();

    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.json().path("message").asText()).isEqualTo("Bad credentials");
  }

  @Test
  void tokenRoutesAcceptBearerAndTokenSchemesAndRefuseUnknownTokens() throws Exception {
    String token = github.installationToken(1);

    assertThat(client.get("/repos/octo/hello").bearer(token).send().status()).isEqualTo(200);
    assertThat(client.get("/repos/octo/hello").token(token).send().status()).isEqualTo(200);
    assertThat(client.get("/repos/octo/hello").token("ghs_nope").send().status()).isEqualTo(401);
    assertThat(client.get("/repos/octo/hello").send().json().path("message").asText())
        .isEqualTo("Requires authentication");
  }

  @Test
  void anInstallationTokenSeesOnlyItsAccountsRepositories() throws Exception {
    github.repo("elsewhere", "private-stuff");

    FakeClient.Answer answer =
        client.get("/repos/elsewhere/private-stuff").token(github.installationToken(1)).send();

    assertThat(answer.status()).isEqualTo(404);
  }

  @Test
  void getUserWorksForPersonalTokensNotInstallationTokens() throws Exception {
    FakeClient.Answer personal =
        client.get("/user").token(github.personalAccessToken("alice")).send();
    FakeClient.Answer installation = client.get("/user").token(github.installationToken(1)).send();

    assertThat(personal.status()).isEqualTo(200);
    assertThat(personal.json().path("login").asText()).isEqualTo("alice");
    assertThat(installation.status()).isEqualTo(403);
    assertThat(installation.json().path("message").asText())
        .isEqualTo("Resource not accessible by integration");
  }

  @Test
  void thePrivateKeyComesAsPkcs1AndPkcs8PemOfTheSameKey() throws Exception {
    TestKeys keys = github.keys();
    assertThat(keys.pkcs1Pem()).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    assertThat(keys.pkcs8Pem()).startsWith("-----BEGIN PRIVATE KEY-----\n");

    byte[] pkcs8 = der(keys.pkcs8Pem());
    RSAPrivateCrtKey parsed =
        (RSAPrivateCrtKey)
            KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    assertThat(parsed.getModulus()).isEqualTo(keys.publicKey().getModulus());
    // PKCS#8 wraps the PKCS#1 structure in an OCTET STRING at its end
    byte[] pkcs1 = der(keys.pkcs1Pem());
    assertThat(Arrays.copyOfRange(pkcs8, pkcs8.length - pkcs1.length, pkcs8.length))
        .isEqualTo(pkcs1);
  }

  private static byte[] der(String pem) {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }
}
