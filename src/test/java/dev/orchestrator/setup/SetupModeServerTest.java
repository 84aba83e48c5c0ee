package dev.orchestrator.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.orchestrator.config.DotEnv;
import dev.orchestrator.config.Secret;
import dev.orchestrator.fakegithub.FakeGitHub;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.ServerHarness;
import dev.orchestrator.webhook.SignatureVerifier;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server with no credentials (setup mode) registers the App through FakeGitHub's manifest
 * conversion, and the next start with what it wrote runs in App mode.
 */
class SetupModeServerTest {
  private static final String PUBLIC = "https://agent.example.com";
  private static final Pattern ACTION =
      Pattern.compile("<form id=\"register\" method=\"post\" action=\"([^\"]*)\"");
  private static final Pattern MANIFEST = Pattern.compile("name=\"manifest\" value=\"([^\"]*)\"");

  @TempDir Path dir;
  private FakeGitHub github;
  private ServerHarness server;

  @BeforeEach
  void start() {
    github = FakeGitHub.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    github.assertNoUnknownRoutes();
    github.close();
  }

  private Map<String, String> setupEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_TOKEN", ""); // the harness's defaults, removed: no credentials at all
    env.put("WEBHOOK_SECRET", "");
    env.put("GITHUB_API_URL", github.apiUrl());
    env.put("GITHUB_URL", github.webUrl());
    return env;
  }

  @Test
  void registersTheAppWritesKeyAndEnvAndTheNextStartRunsInAppMode() throws IOException {
    Files.writeString(dir.resolve(".env"), "# kept\nPUBLIC_URL=" + PUBLIC + "\n");
    server = ServerHarness.start(dir, setupEnv());

    HttpResponse<String> page = server.get("/setup");
    assertThat(page.statusCode()).isEqualTo(200);
    String action = unescape(group(ACTION, page.body()));
    String prefix = github.webUrl() + "/settings/apps/new?state=";
    assertThat(action).startsWith(prefix);
    String state = action.substring(prefix.length());
    assertThat(state).matches("[0-9a-f]{64}");
    JsonNode manifest = new ObjectMapper().readTree(unescape(group(MANIFEST, page.body())));
    assertThat(manifest).isEqualTo(expectedManifest());

    // a wrong, a missing state: refused, nothing written, the code not spent
    String code = github.newManifestCode();
    HttpResponse<String> wrong = callback(code, "0".repeat(64));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("not one this server issued");
    assertThat(server.get("/setup/callback?code=" + code).statusCode()).isEqualTo(400);
    assertThat(Files.exists(dir.resolve(SetupFlow.KEY_FILE))).isFalse();
    assertThat(conversions()).isZero();

    HttpResponse<String> done = callback(code, state);
    assertThat(done.statusCode()).isEqualTo(200);
    Path key = dir.resolve(SetupFlow.KEY_FILE);
    Path env = dir.resolve(".env");
    assertThat(Files.readString(key)).isEqualTo(github.keys().pkcs1Pem());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env)))
        .isEqualTo("rw-------");
    String envText = Files.readString(env);
    assertThat(envText).startsWith("# kept\nPUBLIC_URL=" + PUBLIC + "\n");
    Map<String, String> written = DotEnv.parse(envText, ".env").values();
    assertThat(written)
        .containsEntry("APP_ID", Long.toString(github.appId()))
        .containsEntry("PRIVATE_KEY_PATH", key.toString())
        .containsEntry("WEBHOOK_SECRET", github.webhookSecret())
        .containsEntry("GITHUB_CLIENT_ID", github.app().clientId())
        .containsEntry("GITHUB_CLIENT_SECRET", "fake-client-secret-" + github.appId())
        .containsEntry("PUBLIC_URL", PUBLIC);

    String installUrl = github.webUrl() + "/apps/" + github.app().slug() + "/installations/new";
    assertThat(done.body())
        .contains("href=\"" + installUrl + "\"")
        .contains("restarts itself now")
        .doesNotContain(github.webhookSecret())
        .doesNotContain("fake-client-secret")
        .doesNotContain("PRIVATE KEY");

    // the server stops so that `serve` starts it again (ServeCommandSetupTest runs that loop)
    Await.until("the setup server to stop", () -> !isRunning(server));
    assertThat(server.server().restartRequested()).isTrue();
    server.close();
    server = null;

    // the next start reads .env: App mode, /setup gone, GitHub's secret verifies deliveries
    server = ServerHarness.start(dir, setupEnv());
    assertThat(server.get("/setup").statusCode()).isEqualTo(404);
    assertThat(callback(github.newManifestCode(), state).statusCode()).isEqualTo(404);
    assertThat(conversions()).isEqualTo(1);
    byte[] ping =
        "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> delivered =
        server.post(
            ping,
            Map.of(
                "Content-Type", "application/json",
                "X-GitHub-Event", "ping",
                "X-GitHub-Delivery", "d-1",
                "X-Hub-Signature-256",
                    SignatureVerifier.sign(ping, Secret.of(github.webhookSecret()))));
    assertThat(delivered.statusCode()).isEqualTo(202);
  }

  @Test
  void withoutPublicUrlThePageSaysHowToSetItAndOffersNoButton() {
    server = ServerHarness.start(dir, setupEnv());
    HttpResponse<String> page = server.get("/setup");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("PUBLIC_URL=https://").doesNotContain("<form");
  }

  @Test
  void answersOnlyLoopbackThatNoProxyForwardedAndRegistersUnderGhOrg() {
    Map<String, String> env = setupEnv();
    env.put("PUBLIC_URL", PUBLIC);
    env.put("GH_ORG", "octo");
    env.put("API_TOKEN", "operator-token"); // a browser cannot send it: /setup is open to it
    server = ServerHarness.start(dir, env);
    assertThat(server.get("/setup", Map.of("X-Forwarded-For", "203.0.113.7")).statusCode())
        .isEqualTo(403);
    HttpResponse<String> page = server.get("/setup");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(unescape(group(ACTION, page.body())))
        .startsWith(github.webUrl() + "/organizations/octo/settings/apps/new?state=");
    // webhooks stay refused in setup mode
    assertThat(server.deliver("ping", "{}".getBytes(StandardCharsets.UTF_8)).statusCode())
        .isEqualTo(401);
  }

  private static boolean isRunning(ServerHarness h) {
    try {
      return h.server().port() > 0 && h.get("/healthz").statusCode() == 200;
    } catch (AssertionError e) {
      return false; // connection refused: stopped
    }
  }

  private long conversions() {
    return github.requests().stream()
        .filter(q -> q.template().equals("/app-manifests/{code}/conversions"))
        .count();
  }

  private HttpResponse<String> callback(String code, String state) {
    return server.get(
        "/setup/callback?code="
            + URLEncoder.encode(code, StandardCharsets.UTF_8)
            + "&state="
            + URLEncoder.encode(state, StandardCharsets.UTF_8));
  }

  /** app-manifest.yml as JSON, with its URL fields as PUBLIC_URL makes them. */
  private static JsonNode expectedManifest() throws IOException {
    ObjectNode m = (ObjectNode) new YAMLMapper().readTree(Path.of(Manifest.FILE).toFile());
    m.put("url", PUBLIC);
    ((ObjectNode) m.get("hook_attributes")).put("url", PUBLIC + "/api/github/webhooks");
    m.put("redirect_url", PUBLIC + "/setup/callback");
    return m;
  }

  private static String group(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertThat(m.find()).as("%s in %s", p, text).isTrue();
    return m.group(1);
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
