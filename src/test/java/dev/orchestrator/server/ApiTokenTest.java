package dev.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.testing.Payloads;
import dev.orchestrator.testing.ServerHarness;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code API_TOKEN} guards the status and metrics routes, and nothing else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokenTest {
  private static final String TOKEN = "s3cr3t-api-token";
  private static final List<String> PROTECTED = List.of("/api/status", "/metrics");
  private static final List<String> OPEN = List.of("/healthz", "/readyz");

  private ServerHarness guarded;
  private ServerHarness unguarded;

  @BeforeAll
  void start(@TempDir Path a, @TempDir Path b) {
    guarded = ServerHarness.start(a, Map.of("API_TOKEN", TOKEN));
    unguarded = ServerHarness.start(b, Map.of());
  }

  @AfterAll
  void stop() {
    guarded.close();
    unguarded.close();
  }

  @Test
  void withoutTheTokenTheGuardedRoutesAnswer401WithAClearJsonMessage() throws IOException {
    for (String path : PROTECTED) {
      HttpResponse<String> none = guarded.get(path);
      assertThat(none.statusCode()).as(path).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate"))
          .hasValue("Bearer realm=\"agent-orchestrator\"");
      assertThat(none.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/json");
      JsonNode body = new ObjectMapper().readTree(none.body());
      assertThat(body.path("message").asText())
          .isEqualTo(
              "this route needs the header \"Authorization: Bearer <API_TOKEN>\"; none was sent");

      HttpResponse<String> wrong = guarded.get(path, bearer(TOKEN + "x"));
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.body()).contains("does not match API_TOKEN").doesNotContain(TOKEN);

      HttpResponse<String> basic = guarded.get(path, Map.of("Authorization", "Basic " + TOKEN));
      assertThat(basic.statusCode()).isEqualTo(401);
      assertThat(basic.body()).contains("must be \\\"Bearer <API_TOKEN>\\\"");
    }
  }

  @Test
  void withTheTokenTheGuardedRoutesAnswer() {
    for (String path : PROTECTED) {
      assertThat(guarded.get(path, bearer(TOKEN)).statusCode()).as(path).isEqualTo(200);
      // The scheme is case-insensitive (RFC 7235).
      assertThat(guarded.get(path, Map.of("Authorization", "bearer " + TOKEN)).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void probesAndWebhooksNeverNeedTheToken() {
    for (String path : OPEN) {
      assertThat(guarded.get(path).statusCode()).as(path).isEqualTo(200);
      // A wrong token on an open route is not even looked at.
      assertThat(guarded.get(path, bearer("wrong")).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(guarded.deliver("ping", Payloads.bytes("ping")).statusCode()).isEqualTo(202);
  }

  @Test
  void anUnknownRouteIsStill404() {
    assertThat(guarded.get("/no-such-route").statusCode()).isEqualTo(404);
  }

  @Test
  void withoutApiTokenNothingNeedsIt() {
    for (String path : PROTECTED) {
      assertThat(unguarded.get(path).statusCode()).as(path).isEqualTo(200);
    }
    for (String path : OPEN) {
      assertThat(unguarded.get(path).statusCode()).as(path).isEqualTo(200);
    }
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }
}
