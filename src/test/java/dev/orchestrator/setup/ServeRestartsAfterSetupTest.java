package dev.orchestrator.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.FakeGitHub;
import dev.orchestrator.testing.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent serve} as a process, from a directory with no credentials: it registers the App,
 * restarts itself in App mode within the same process, and no secret reaches its output.
 */
class ServeRestartsAfterSetupTest {
  private static final Pattern STATE = Pattern.compile("\\?state=([0-9a-f]{64})\"");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void registersThenRunsInAppMode(@TempDir Path dir) throws Exception {
    Files.copy(Path.of(Manifest.FILE), dir.resolve(Manifest.FILE));
    try (FakeGitHub github = FakeGitHub.start()) {
      Map<String, String> env =
          Map.of(
              "DATABASE_URL",
              "jdbc:sqlite:" + dir.resolve("agent.db"),
              "HOST",
              "127.0.0.1",
              "PORT",
              "0",
              "MISSIONS_DIR",
              dir.resolve("missions").toString(),
              "GITHUB_API_URL",
              github.apiUrl(),
              "GITHUB_URL",
              github.webUrl(),
              "PUBLIC_URL",
              "https://agent.example.com");
      try (ServerProcess server = ServerProcess.start(dir, env)) {
        int setupPort = server.awaitListening(1);
        assertThat(server.output()).contains("mode NONE").contains("/setup");
        Matcher m = STATE.matcher(get(setupPort, "/setup").body());
        assertThat(m.find()).isTrue();
        HttpResponse<String> done =
            get(
                setupPort,
                "/setup/callback?code=" + github.newManifestCode() + "&state=" + m.group(1));
        assertThat(done.statusCode()).isEqualTo(200);

        int appPort = server.awaitListening(2);
        assertThat(server.output()).contains("mode APP");
        assertThat(get(appPort, "/setup").statusCode()).isEqualTo(404);
        assertThat(get(appPort, "/healthz").statusCode()).isEqualTo(200);
        assertThat(Files.readString(dir.resolve(".env")))
            .contains("WEBHOOK_SECRET=" + github.webhookSecret());
        assertThat(server.output())
            .doesNotContain(github.webhookSecret())
            .doesNotContain("fake-client-secret")
            .doesNotContain("PRIVATE KEY");
        assertThat(server.terminate(Duration.ofSeconds(30))).isZero();
      }
      github.assertNoUnknownRoutes();
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
