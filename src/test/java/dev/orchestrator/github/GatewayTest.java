package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayTest {
  private static final String PERMISSION = "/repos/octo/repo/collaborators/%s/permission";
  private static final String REACTIONS = "/repos/octo/repo/issues/comments/5/reactions";

  @TempDir Path dir;
  private Fixture f;

  @AfterEach
  void stop() {
    assertThat(f.api.unknown()).isEmpty();
    f.close();
  }

  @Test
  void roleNameTellsTriageFromReadAndMaintainFromWrite() {
    f = Fixture.token("tok");
    permission("tri", "read", "triage");
    permission("rea", "read", "read");
    permission("mai", "write", "maintain");
    permission("wri", "write", "write");
    assertThat(perm("tri")).isEqualTo(new Permission("triage", "read"));
    assertThat(perm("rea")).isEqualTo(new Permission("read", "read"));
    assertThat(perm("mai")).isEqualTo(new Permission("maintain", "write"));
    assertThat(perm("wri")).isEqualTo(new Permission("write", "write"));
  }

  @Test
  void noCollaboratorRecordMeansNoAccess() {
    f = Fixture.token("tok");
    f.api.route(
        "GET",
        String.format(PERMISSION, "stranger"),
        r -> LoopbackApi.Reply.json(404, "{\"message\":\"Not Found\"}"));
    Permission p = perm("stranger");
    assertThat(p).isEqualTo(Permission.NONE);
    assertThat(p.hasAccess()).isFalse();
    assertThat(f.api.requests("GET", String.format(PERMISSION, "stranger"))).hasSize(1);
  }

  @Test
  void reactionsAreReadAgainWithIfNoneMatchAnd304MeansUnchanged() {
    f = Fixture.token("tok");
    f.api.route(
        "GET",
        REACTIONS,
        r ->
            "\"v1\"".equals(r.header("If-None-Match"))
                ? new LoopbackApi.Reply(304, Map.of("ETag", "\"v1\""), "", false)
                : LoopbackApi.Reply.json(
                    200,
                    "[{\"id\":1,\"content\":\"+1\",\"user\":{\"login\":\"alice\"}}]",
                    Map.of("ETag", "\"v1\"")));
    Tagged<List<Reaction>> first =
        f.gateway().listReactions(Fixture.REPO, 5, Optional.empty()).orElseThrow().orElseThrow();
    assertThat(first.value()).containsExactly(new Reaction(1, "+1", "alice"));
    assertThat(first.etag()).contains("\"v1\"");
    assertThat(f.gateway().listReactions(Fixture.REPO, 5, first.etag()).orElseThrow()).isEmpty();
    assertThat(f.api.requests("GET", REACTIONS).get(1).header("If-None-Match")).isEqualTo("\"v1\"");
  }

  @Test
  void searchIsScopedToTheRepositoryAndReadsOnePage() {
    f = Fixture.token("tok");
    f.api.route(
        "GET",
        "/search/issues",
        r ->
            LoopbackApi.Reply.json(
                200,
                "{\"total_count\":40,\"incomplete_results\":false,\"items\":["
                    + TransportTest.ISSUE_JSON
                    + "]}"));
    SearchResult found =
        f.gateway().searchIssues(Fixture.REPO, "is:open label:bug", 1).orElseThrow();
    assertThat(found.totalCount()).isEqualTo(40);
    assertThat(found.items()).extracting(Issue::number).containsExactly(1);
    List<LoopbackApi.Received> searches = f.api.requests("GET", "/search/issues");
    assertThat(searches).hasSize(1);
    assertThat(
            java.net.URLDecoder.decode(
                searches.get(0).query(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("q=repo:octo/repo is:open label:bug");
  }

  @Test
  void labelsAreEncodedInThePathAndARemovedMissingLabelIsFine() {
    f = Fixture.token("tok");
    f.api.route(
        "DELETE",
        "/repos/octo/repo/issues/1/labels/needs%20triage",
        r -> LoopbackApi.Reply.json(404, "{\"message\":\"Label does not exist\"}"));
    assertThat(f.gateway().removeLabel(Fixture.REPO, 1, "needs triage").isOk()).isTrue();
  }

  @Test
  void theRepositoryIsFetchedOnceForKohsukeCallsAndGivesTheDefaultBranch() {
    f = Fixture.token("tok");
    f.api.route(
        "GET",
        "/repos/octo/repo",
        r ->
            LoopbackApi.Reply.json(
                200, TransportTest.REPO_JSON.replace("URL", f.api.uri().toString())));
    f.api.route(
        "GET",
        "/repos/octo/repo/issues/1",
        r -> LoopbackApi.Reply.json(200, TransportTest.ISSUE_JSON));
    assertThat(f.gateway().defaultBranch(Fixture.REPO).orElseThrow()).isEqualTo("main");
    f.gateway().getIssue(Fixture.REPO, 1).orElseThrow();
    f.gateway().getIssue(Fixture.REPO, 1).orElseThrow();
    assertThat(f.api.requests("GET", "/repos/octo/repo")).hasSize(1);
  }

  @Test
  void deliveriesArePagedByTheCursorOfTheLinkHeaderAndRedeliveredWithTheAppJwt() {
    f = Fixture.app(dir);
    f.api.route(
        "GET",
        "/app/hook/deliveries",
        r ->
            LoopbackApi.Reply.json(
                200,
                "[{\"id\":12,\"guid\":\"0b989ba4-242f-11e5-81e1-c7b6966d2516\","
                    + "\"delivered_at\":\"2025-06-01T11:59:00Z\",\"redelivery\":false,\"duration\":0.27,"
                    + "\"status\":\"Invalid HTTP Response: 503\",\"status_code\":503,\"event\":\"issues\","
                    + "\"action\":\"opened\",\"installation_id\":77,\"repository_id\":1}]",
                Map.of(
                    "Link",
                    "<"
                        + f.api.uri()
                        + "/app/hook/deliveries?per_page=50&cursor=v1_12>; rel=\"next\"")));
    f.api.route("POST", "/app/hook/deliveries/12/attempts", r -> LoopbackApi.Reply.json(202, "{}"));
    WebhookDelivery.Page page = f.gateway().listDeliveries(50, Optional.empty()).orElseThrow();
    assertThat(page.deliveries()).extracting(WebhookDelivery::statusCode).containsExactly(503);
    assertThat(page.deliveries().get(0).action()).contains("opened");
    assertThat(page.nextCursor()).contains("v1_12");
    f.gateway().listDeliveries(50, page.nextCursor()).orElseThrow();
    assertThat(f.api.requests("GET", "/app/hook/deliveries"))
        .extracting(LoopbackApi.Received::query)
        .containsExactly("per_page=50", "per_page=50&cursor=v1_12");
    assertThat(f.gateway().redeliver(12).isOk()).isTrue();
    for (LoopbackApi.Received r : f.api.log()) {
      assertThat(r.header("Authorization"))
          .startsWith("Bearer eyJ"); // the App JWT, no token minted
    }
    assertThat(f.api.mints()).isZero();
  }

  @Test
  void appOperationsInTokenModeSaySoWithoutCallingGitHub() {
    f = Fixture.token("tok");
    GitHubResult<AppIdentity> r = f.gateway().appIdentity();
    assertThat(r.describe())
        .isEqualTo("reading the App's identity: needs App mode (set APP_ID and PRIVATE_KEY_PATH)");
    assertThat(f.api.log()).isEmpty();
  }

  @Test
  void appIdentityComesFromGetAppOnce() {
    f = Fixture.app(dir);
    f.api.route(
        "GET",
        "/app",
        r ->
            LoopbackApi.Reply.json(
                200,
                "{\"id\":4242,\"slug\":\"agent-orchestrator\",\"name\":\"Agent Orchestrator\"}"));
    AppIdentity id = f.gateway().appIdentity().orElseThrow();
    assertThat(id).isEqualTo(new AppIdentity(4242, "agent-orchestrator", "Agent Orchestrator"));
    assertThat(id.botLogin()).isEqualTo("agent-orchestrator[bot]");
    f.gateway().appIdentity();
    assertThat(f.api.requests("GET", "/app")).hasSize(1);
  }

  private void permission(String login, String legacy, String role) {
    f.api.route(
        "GET",
        String.format(PERMISSION, login),
        r ->
            LoopbackApi.Reply.json(
                200,
                "{\"permission\":\""
                    + legacy
                    + "\",\"role_name\":\""
                    + role
                    + "\",\"user\":{\"login\":\""
                    + login
                    + "\"}}"));
  }

  private Permission perm(String login) {
    return f.gateway().permission(Fixture.REPO, login).orElseThrow();
  }
}
