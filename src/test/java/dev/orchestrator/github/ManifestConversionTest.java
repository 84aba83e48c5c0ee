package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.FakeGitHub;
import dev.orchestrator.setup.Conversion;
import dev.orchestrator.setup.Registration;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ManifestConversionTest {
  @Test
  void convertsACodeOnceAgainstFakeGitHub() {
    try (FakeGitHub github = FakeGitHub.start()) {
      ManifestConversion conversion = new ManifestConversion(URI.create(github.apiUrl()));
      String code = github.newManifestCode();
      Conversion.Result first = conversion.convert(code);
      assertThat(first).isInstanceOf(Conversion.Result.Converted.class);
      Registration r = ((Conversion.Result.Converted) first).registration();
      assertThat(r.id()).isEqualTo(github.appId());
      assertThat(r.slug()).isEqualTo(github.app().slug());
      assertThat(r.htmlUrl()).isEqualTo(github.webUrl() + "/apps/" + github.app().slug());
      assertThat(r.clientId()).isEqualTo(github.app().clientId());
      assertThat(r.webhookSecret().reveal()).isEqualTo(github.webhookSecret());
      assertThat(r.pem().reveal()).isEqualTo(github.keys().pkcs1Pem());
      assertThat(r.toString()).doesNotContain(github.webhookSecret()).doesNotContain("PRIVATE");

      Conversion.Result again = conversion.convert(code);
      assertThat(again)
          .isEqualTo(
              new Conversion.Result.Failed(
                  "404 from GitHub: Not Found (the code is unknown, used or more than an hour"
                      + " old)"));
      github.assertNoUnknownRoutes();
    }
  }

  @Test
  void anAnswerWithoutTheCredentialsIsAFailure() {
    assertThat(ManifestConversion.read(201, "{\"id\":1,\"slug\":\"a\"}"))
        .isEqualTo(new Conversion.Result.Failed("GitHub's answer lacks \"html_url\""));
    assertThat(ManifestConversion.read(201, "<html>"))
        .isEqualTo(new Conversion.Result.Failed("GitHub answered 201 without a JSON object"));
    assertThat(ManifestConversion.read(422, "{\"message\":\"Validation Failed\"}"))
        .isEqualTo(new Conversion.Result.Failed("422 from GitHub: Validation Failed"));
  }

  @Test
  void anUnreachableGitHubIsAFailure() {
    Conversion.Result r = new ManifestConversion(URI.create("http://127.0.0.1:1")).convert("c");
    assertThat(r).isInstanceOf(Conversion.Result.Failed.class);
    assertThat(((Conversion.Result.Failed) r).message())
        .startsWith("POST /app-manifests/{code}/conversions: ");
  }
}
