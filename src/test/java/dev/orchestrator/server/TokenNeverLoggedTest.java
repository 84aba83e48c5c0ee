package dev.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code agent serve} prints neither the token nor what a caller offered as one. */
class TokenNeverLoggedTest {
  private static final String TOKEN = "tok-0123456789abcdef";

  @Test
  void refusedAndAcceptedCallsLeaveNoTokenInTheOutput(@TempDir Path dir) throws Exception {
    Map<String, String> env =
        Map.of(
            "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("agent.db"),
            "HOST", "127.0.0.1",
            "PORT", "0",
            "GITHUB_TOKEN", "ghp_test",
            "WEBHOOK_SECRET", "test-webhook-secret",
            "API_TOKEN", TOKEN,
            "MISSIONS_DIR", dir.resolve("missions").toString());
    HttpClient http = HttpClient.newHttpClient();
    try (ServerProcess server = ServerProcess.start(dir, env)) {
      String near = TOKEN.substring(0, TOKEN.length() - 1) + "X";
      for (String offered : new String[] {near, TOKEN}) {
        HttpRequest r =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + offered)
                .build();
        http.send(r, HttpResponse.BodyHandlers.discarding());
      }
      Await.until("the refusal to be logged", () -> server.output().contains("refused GET"));
      assertThat(server.output())
          .contains("does not match API_TOKEN")
          .doesNotContain(TOKEN.substring(0, 8))
          .doesNotContain("API_TOKEN is not set");
    }
  }
}
