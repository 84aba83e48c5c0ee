package dev.orchestrator.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.config.Secret;
import dev.orchestrator.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupFlowTest {
  private static final Pattern STATE = Pattern.compile("\\?state=([0-9a-f]{64})\"");
  private static final Registration APP =
      new Registration(
          9,
          "my-agent",
          "https://github.example/apps/my-agent",
          "Iv1.abc",
          Secret.of("client-s3cret"),
          Secret.of("hook-s3cret"),
          Secret.of("-----BEGIN RSA PRIVATE KEY-----\nMII\n-----END RSA PRIVATE KEY-----\n"));

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final List<String> codes = new ArrayList<>();
  private Conversion.Result answer = new Conversion.Result.Converted(APP);

  private SetupFlow flow(Optional<URI> publicUrl) {
    return new SetupFlow(
        new SetupFlow.Config(
            publicUrl,
            URI.create("https://github.example/"),
            Optional.empty(),
            Path.of(Manifest.FILE),
            dir.resolve(".env"),
            false),
        code -> {
          codes.add(code);
          return answer;
        },
        clock);
  }

  @Test
  void aStateWorksOnceAndNotAfterAnHour() {
    SetupFlow flow = flow(Optional.of(URI.create("https://agent.example.com")));
    String late = state(flow.start());
    clock.advance(SetupStates.LIFETIME);
    String used = state(flow.start());
    Page expired = flow.callback("c0", late);
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.html()).contains("expired");

    answer = new Conversion.Result.Failed("404 from GitHub");
    String fresh = state(flow.start());
    Page failed = flow.callback("c1", fresh);
    assertThat(failed.status()).isEqualTo(502);
    assertThat(failed.html()).contains("404 from GitHub");
    assertThat(flow.callback("c1", fresh).status()).isEqualTo(400); // spent even so

    answer = new Conversion.Result.Converted(APP);
    String good = state(flow.start());
    Page done = flow.callback("c2", good);
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.registered()).isTrue();
    assertThat(done.html()).doesNotContain("s3cret").doesNotContain("PRIVATE KEY");
    assertThat(flow.callback("c3", good).status()).isEqualTo(400);
    assertThat(flow.callback("c4", used).status()).isEqualTo(409); // one registration only
    assertThat(flow.start().status()).isEqualTo(409);
    assertThat(codes).containsExactly("c1", "c2");
  }

  @Test
  void writesTheKeyBesideDotEnvAndKeepsItsOtherLines() throws IOException {
    Files.writeString(dir.resolve(".env"), "PORT=4000\nAPP_ID=1\n");
    SetupFlow flow = flow(Optional.of(URI.create("https://agent.example.com")));
    flow.callback("c", state(flow.start()));
    assertThat(Files.readString(dir.resolve(SetupFlow.KEY_FILE))).isEqualTo(APP.pem().reveal());
    assertThat(Files.readString(dir.resolve(".env")))
        .startsWith("PORT=4000\nAPP_ID=9\n")
        .contains("PRIVATE_KEY_PATH=" + dir.resolve(SetupFlow.KEY_FILE))
        .contains("WEBHOOK_SECRET=hook-s3cret\n")
        .contains("GITHUB_CLIENT_ID=Iv1.abc\n")
        .contains("GITHUB_CLIENT_SECRET=client-s3cret\n");
  }

  @Test
  void withoutPublicUrlThereIsNoFormAndNoState() {
    Page page = flow(Optional.empty()).start();
    assertThat(page.html()).contains("set <code>PUBLIC_URL</code>").doesNotContain("<form");
  }

  @Test
  void registersUnderTheOrganizationWithGhOrg() {
    SetupFlow flow =
        new SetupFlow(
            new SetupFlow.Config(
                Optional.of(URI.create("https://a.example")),
                URI.create("https://ghe.example/"),
                Optional.of("octo"),
                Path.of(Manifest.FILE),
                dir.resolve(".env"),
                false),
            code -> answer,
            clock);
    assertThat(flow.registrationUrl())
        .isEqualTo("https://ghe.example/organizations/octo/settings/apps/new");
  }

  private static String state(Page page) {
    Matcher m = STATE.matcher(page.html());
    assertThat(m.find()).as(page.html()).isTrue();
    return m.group(1);
  }
}
