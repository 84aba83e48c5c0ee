package dev.orchestrator.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.dispatch.DeliveryRouter;
import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.MissionLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code app-manifest.yml} against the code, both ways: every event the dispatcher acts on with the
 * shipped missions is subscribed and nothing else is; every permission the GitHub routes we call
 * need is requested, at the level they need, and nothing else is.
 */
class AppManifestTest {
  /** GitHub sends these to every App; the manifest cannot subscribe to them. */
  private static final Set<String> UNSUBSCRIBABLE =
      Set.of("installation", "installation_repositories", "ping");

  private static final String R = "read";
  private static final String W = "write";
  private static final Map<String, String> NONE = Map.of();

  /**
   * What each operation of the vendored REST description needs of an installation token, from
   * GitHub's "Permissions required for GitHub Apps". Issue routes are used on pull requests too
   * (comments, labels, reactions, status comments), and GitHub checks the permission of the
   * resource they target, so they need both. App-JWT, token-mode and unauthenticated routes need
   * none. A new operation without an entry here fails the test.
   */
  private static final Map<String, Map<String, String>> NEEDS = new LinkedHashMap<>();

  static {
    String issue = "/repos/{owner}/{repo}/issues/{issue_number}";
    String comment = "/repos/{owner}/{repo}/issues/comments/{comment_id}";
    Map<String, String> readIssues = Map.of("issues", R, "pull_requests", R);
    Map<String, String> writeIssues = Map.of("issues", W, "pull_requests", W);
    NEEDS.put("GET /app", NONE);
    NEEDS.put("GET /app/installations", NONE);
    NEEDS.put("GET /app/installations/{installation_id}", NONE);
    NEEDS.put("GET /repos/{owner}/{repo}/installation", NONE);
    NEEDS.put("POST /app/installations/{installation_id}/access_tokens", NONE);
    NEEDS.put("GET /app/hook/deliveries", NONE);
    NEEDS.put("POST /app/hook/deliveries/{delivery_id}/attempts", NONE);
    NEEDS.put("POST /app-manifests/{code}/conversions", NONE);
    NEEDS.put("GET /user", NONE);
    NEEDS.put("GET /rate_limit", NONE);
    NEEDS.put("GET /repos/{owner}/{repo}", Map.of("metadata", R));
    NEEDS.put(
        "GET /repos/{owner}/{repo}/collaborators/{username}/permission", Map.of("metadata", R));
    NEEDS.put("GET " + issue, readIssues);
    NEEDS.put("PATCH " + issue, Map.of("issues", W));
    NEEDS.put("GET /repos/{owner}/{repo}/issues", Map.of("issues", R));
    NEEDS.put("POST /repos/{owner}/{repo}/issues", Map.of("issues", W));
    NEEDS.put("GET " + issue + "/comments", readIssues);
    NEEDS.put("POST " + issue + "/comments", writeIssues);
    NEEDS.put("GET " + comment, readIssues);
    NEEDS.put("PATCH " + comment, writeIssues);
    NEEDS.put("POST " + issue + "/labels", writeIssues);
    NEEDS.put("DELETE " + issue + "/labels/{name}", writeIssues);
    NEEDS.put("POST " + issue + "/assignees", writeIssues);
    NEEDS.put("GET " + comment + "/reactions", readIssues);
    NEEDS.put("POST " + comment + "/reactions", writeIssues);
    NEEDS.put("DELETE " + comment + "/reactions/{reaction_id}", writeIssues);
    NEEDS.put("GET /search/issues", readIssues);
    NEEDS.put("GET /repos/{owner}/{repo}/pulls/{pull_number}", Map.of("pull_requests", R));
    NEEDS.put("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", Map.of("pull_requests", R));
    NEEDS.put("GET /repos/{owner}/{repo}/contents/{path}", Map.of("contents", R));
    NEEDS.put("POST /repos/{owner}/{repo}/check-runs", Map.of("checks", W));
    NEEDS.put("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", Map.of("checks", W));
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void subscribesToExactlyTheEventsTheDispatcherHandles() {
    LoadResult shipped = MissionLoader.global().loadDirectory(Path.of("missions"));
    assertThat(shipped.isValid()).isTrue();
    Set<String> handled = new TreeSet<>(DeliveryRouter.handledEvents(shipped.catalog()));
    assertThat(handled).contains("issue_comment", "issues", "installation");
    handled.removeAll(UNSUBSCRIBABLE);

    Set<String> subscribed = new TreeSet<>();
    manifest().get("default_events").forEach(e -> subscribed.add(e.asText()));

    assertThat(subscribed).isEqualTo(handled);
    assertThat(subscribed).doesNotContainAnyElementsOf(UNSUBSCRIBABLE);
  }

  @Test
  void requestsExactlyThePermissionsOfTheRoutesWeCall() throws IOException {
    JsonNode subset =
        JSON.readTree(Path.of("src/test/resources/github/openapi-subset.json").toFile());
    Set<String> operations = new TreeSet<>();
    subset
        .get("operations")
        .forEach(op -> operations.add(op.get("method").asText() + " " + op.get("path").asText()));
    assertThat(NEEDS.keySet()).containsExactlyInAnyOrderElementsOf(operations);

    Map<String, String> needed = new TreeMap<>();
    NEEDS
        .values()
        .forEach(m -> m.forEach((perm, level) -> needed.merge(perm, level, AppManifestTest::max)));
    Map<String, String> requested = new TreeMap<>();
    manifest()
        .get("default_permissions")
        .properties()
        .forEach(e -> requested.put(e.getKey(), e.getValue().asText()));

    assertThat(requested)
        .isEqualTo(
            Map.of("issues", W, "pull_requests", W, "checks", W, "contents", R, "metadata", R))
        .isEqualTo(needed);
  }

  @Test
  void everyKeyIsAManifestParameterAndTheUrlsComeFromPublicUrl() {
    ObjectNode m = manifest();
    List<String> keys = new java.util.ArrayList<>();
    m.fieldNames().forEachRemaining(keys::add);
    assertThat(Manifest.PARAMETERS).containsAll(keys);
    assertThat(m.get("url").asText()).isEqualTo("https://agent.example.com/base");
    assertThat(m.at("/hook_attributes/url").asText())
        .isEqualTo("https://agent.example.com/base/api/github/webhooks");
    assertThat(m.at("/hook_attributes/active").asBoolean()).isTrue();
    assertThat(m.get("redirect_url").asText())
        .isEqualTo("https://agent.example.com/base/setup/callback");
    assertThat(m.get("public").asBoolean()).isFalse();
    assertThat(m.toString()).doesNotContain(Manifest.PLACEHOLDER);
  }

  private static String max(String a, String b) {
    return a.equals(W) || b.equals(W) ? W : R;
  }

  private static ObjectNode manifest() {
    try {
      Manifest.Rendered r =
          Manifest.render(
              Files.readString(Path.of(Manifest.FILE)),
              Manifest.FILE,
              URI.create("https://agent.example.com/base/"));
      assertThat(r).isInstanceOf(Manifest.Rendered.Ok.class);
      return ((Manifest.Rendered.Ok) r).json();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
