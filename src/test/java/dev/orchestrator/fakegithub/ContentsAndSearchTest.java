package dev.orchestrator.fakegithub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.testing.MutableClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** File contents on branches, and issue search. */
class ContentsAndSearchTest {
  private static final String MISSION = "name: triage\nsteps: []\n";

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-10T12:00:00Z"));
  private FakeGitHub github;
  private FakeRepo repo;
  private FakeClient client;
  private String token;

  @BeforeEach
  void start() {
    github = FakeGitHub.builder().clock(clock).start();
    repo = github.repo("octo", "hello");
    client = new FakeClient(github.apiUrl());
    token = github.installationToken(1);
  }

  @AfterEach
  void stop() {
    github.assertNoUnknownRoutes();
    github.close();
  }

  @Test
  void aFileComesBase64WithItsGitBlobSha() throws Exception {
    repo.file(".github/agent/missions/triage.yml", MISSION);

    JsonNode file =
        client
            .get("/repos/octo/hello/contents/.github/agent/missions/triage.yml")
            .token(token)
            .send()
            .json();

    assertThat(file.path("type").asText()).isEqualTo("file");
    assertThat(file.path("encoding").asText()).isEqualTo("base64");
    assertThat(file.path("name").asText()).isEqualTo("triage.yml");
    assertThat(file.path("path").asText()).isEqualTo(".github/agent/missions/triage.yml");
    assertThat(file.path("size").asInt()).isEqualTo(MISSION.length());
    String decoded =
        new String(
            Base64.getMimeDecoder().decode(file.path("content").asText()), StandardCharsets.UTF_8);
    assertThat(decoded).isEqualTo(MISSION);
    // what `git hash-object` says of the same bytes
    assertThat(file.path("sha").asText()).isEqualTo("90b68f680ae305a689b59c369d7effe1b6282c9e");
  }

  @Test
  void aMissingFileIs404() throws Exception {
    FakeClient.Answer answer =
        client.get("/repos/octo/hello/contents/.github/agent.yml").token(token).send();

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().path("message").asText()).isEqualTo("Not Found");
  }

  @Test
  void filesAreReadFromTheDefaultBranchUnlessARefIsGiven() throws Exception {
    repo.file(".github/agent.yml", "triggers: [a]\n");
    repo.files().put("feature", ".github/agent.yml", "triggers: [b]\n");

    String main =
        content(
            client.get("/repos/octo/hello/contents/.github/agent.yml").token(token).send().json());
    String feature =
        content(
            client
                .get("/repos/octo/hello/contents/.github/agent.yml?ref=feature")
                .token(token)
                .send()
                .json());

    assertThat(main).isEqualTo("triggers: [a]\n");
    assertThat(feature).isEqualTo("triggers: [b]\n");
  }

  @Test
  void aDirectoryIsListed() throws Exception {
    repo.file(".github/agent/missions/a.yml", "a").file(".github/agent/missions/b.yml", "bb");
    repo.file(".github/agent/missions/nested/c.yml", "c");

    JsonNode listing =
        client.get("/repos/octo/hello/contents/.github/agent/missions").token(token).send().json();

    assertThat(listing)
        .extracting(e -> e.path("name").asText())
        .containsExactly("nested", "a.yml", "b.yml");
    assertThat(listing.get(0).path("type").asText()).isEqualTo("dir");
    assertThat(listing.get(2).path("size").asInt()).isEqualTo(2);
    assertThat(listing.get(2).has("content")).isFalse();
  }

  @Test
  void theRawMediaTypeReturnsTheBytes() throws Exception {
    repo.file("README.md", "# Hello\n");

    FakeClient.Answer raw =
        client
            .get("/repos/octo/hello/contents/README.md")
            .token(token)
            .header("Accept", "application/vnd.github.raw+json")
            .send();

    assertThat(raw.body()).isEqualTo("# Hello\n");
  }

  @Test
  void searchFiltersByStateRepositoryLabelAndUpdateTime() throws Exception {
    repo.add(
        IssueSeed.issue("old open").labels("bug").updatedAt(Instant.parse("2026-01-01T00:00:00Z")));
    repo.add(
        IssueSeed.issue("old closed").closed().updatedAt(Instant.parse("2026-01-02T00:00:00Z")));
    repo.add(IssueSeed.issue("fresh open").labels("bug"));
    github
        .repo("octo", "other")
        .add(IssueSeed.issue("elsewhere").updatedAt(Instant.parse("2026-01-01T00:00:00Z")));

    JsonNode stale = search("repo:octo/hello is:open updated:<2026-02-01");
    JsonNode bugs = search("repo:octo/hello label:bug");
    JsonNode everywhere = search("is:open updated:<2026-02-01");

    assertThat(stale.path("total_count").asInt()).isEqualTo(1);
    assertThat(stale.path("items").get(0).path("title").asText()).isEqualTo("old open");
    assertThat(stale.path("items").get(0).path("repository_url").asText())
        .isEqualTo(github.apiUrl() + "/repos/octo/hello");
    assertThat(bugs.path("items"))
        .extracting(i -> i.path("title").asText())
        .containsExactly("old open", "fresh open");
    assertThat(everywhere.path("items"))
        .extracting(i -> i.path("title").asText())
        .containsExactly("old open", "elsewhere");
  }

  @Test
  void aSearchQualifierTheFakeCannotEvaluateFailsTheTest() throws Exception {
    search("repo:octo/hello author:alice");

    assertThat(github.problems()).singleElement().asString().contains("author:alice");
    github.log().clear();
  }

  private JsonNode search(String q) throws Exception {
    String encoded = URLEncoder.encode(q, StandardCharsets.UTF_8);
    FakeClient.Answer answer = client.get("/search/issues?q=" + encoded).token(token).send();
    assertThat(answer.status()).isEqualTo(200);
    return answer.json();
  }

  private static String content(JsonNode file) {
    return new String(
        Base64.getMimeDecoder().decode(file.path("content").asText()), StandardCharsets.UTF_8);
  }
}
