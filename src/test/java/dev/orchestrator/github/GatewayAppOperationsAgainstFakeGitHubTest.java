package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.http.RecordedRequest;
import dev.orchestrator.fakegithub.state.CheckRun.Action;
import dev.orchestrator.fakegithub.state.Delivery;
import dev.orchestrator.github.FakeGitHubFixture.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What only an App can do, against the FakeGitHub: its identity, installations and delivery log
 * (with the App JWT, no installation token), and check runs (with the installation token; a
 * personal token gets GitHub's 403).
 */
class GatewayAppOperationsAgainstFakeGitHubTest {
  private static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

  private FakeGitHubFixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      f.verify();
      f.close();
    }
  }

  @Test
  void theAppItsInstallationsAndTheInstallationOfARepositoryAreReadWithTheAppJwt() {
    f = FakeGitHubFixture.start(Mode.APP_PKCS1);
    f.github.install(9, "acme");
    GitHubGateway gh = f.gateway();

    AppIdentity app = gh.appIdentity().orElseThrow();
    assertThat(app)
        .isEqualTo(new AppIdentity(4242, "agent-orchestrator-test", "Agent Orchestrator (test)"));
    assertThat(gh.appIdentity().orElseThrow()).isEqualTo(app);
    assertThat(f.github.requests("GET", "/app")).as("read once, then remembered").hasSize(1);

    assertThat(gh.listInstallations().orElseThrow())
        .containsExactly(
            new Installation(1, "octo", "Organization"),
            new Installation(9, "acme", "Organization"));
    assertThat(gh.installation(9).orElseThrow())
        .isEqualTo(new Installation(9, "acme", "Organization"));
    assertThat(gh.installation(404)).isInstanceOf(GitHubResult.NotFound.class);
    assertThat(gh.installationFor(f.target).orElseThrow())
        .isEqualTo(new Installation(1, "octo", "Organization"));
    assertThat(gh.installationFor(Repo.of("nobody/nothing")))
        .isInstanceOf(GitHubResult.NotFound.class);

    assertThat(f.github.tokensMinted()).isZero();
    for (RecordedRequest r : f.github.requests()) {
      assertThat(r.header("Authorization"))
          .as("%s", r)
          .hasValueSatisfying(a -> assertThat(a).startsWith("Bearer eyJ"));
    }
  }

  @Test
  void deliveriesArePagedNewestFirstByCursorAndRedeliveredWithTheAppJwt() {
    f = FakeGitHubFixture.start(Mode.APP_PKCS1);
    List<Long> recorded = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Delivery d = f.github.deliveries().record("issues", "opened", i == 3 ? 503 : 200, 1L, 7L);
      recorded.add(0, d.id());
      f.clock.advance(Duration.ofMinutes(1));
    }
    GitHubGateway gh = f.gateway();

    List<WebhookDelivery> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      WebhookDelivery.Page page = gh.listDeliveries(2, cursor).orElseThrow();
      seen.addAll(page.deliveries());
      cursor = page.nextCursor();
      pages++;
    } while (cursor.isPresent() && pages < 10);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).extracting(WebhookDelivery::id).containsExactlyElementsOf(recorded);
    WebhookDelivery failed = seen.get(1);
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(failed.event()).isEqualTo("issues");
    assertThat(failed.action()).contains("opened");
    assertThat(failed.installationId()).hasValue(1);
    assertThat(failed.repositoryId()).hasValue(7);
    assertThat(failed.redelivery()).isFalse();
    assertThat(failed.deliveredAt()).isEqualTo(Instant.parse("2026-03-01T12:03:00Z"));
    assertThat(f.github.requests("GET", "/app/hook/deliveries"))
        .extracting(RecordedRequest::query)
        .first()
        .isEqualTo("per_page=2");

    assertThat(gh.redeliver(failed.id()).isOk()).isTrue();
    assertThat(f.github.deliveries().redeliveryAttempts()).containsExactly(failed.id());
    assertThat(gh.redeliver(987654)).isInstanceOf(GitHubResult.NotFound.class);
    assertThat(f.github.tokensMinted()).isZero();
  }

  @Test
  void inTokenModeAppOperationsSaySoWithoutAsking() {
    f = FakeGitHubFixture.start(Mode.TOKEN);
    GitHubGateway gh = f.gateway();
    assertThat(gh.appIdentity().describe()).contains("needs App mode");
    assertThat(gh.listInstallations().isOk()).isFalse();
    assertThat(gh.installationFor(f.target).isOk()).isFalse();
    assertThat(gh.listDeliveries(10, Optional.empty()).isOk()).isFalse();
    assertThat(gh.redeliver(1).isOk()).isFalse();
    assertThat(f.github.requests()).isEmpty();
  }

  @Test
  void checkRunsAreCreatedAndCompletedWithActionsByTheApp() {
    f = FakeGitHubFixture.start(Mode.APP_PKCS1);
    GitHubGateway gh = f.gateway();
    CheckRun created =
        gh.createCheckRun(
                f.target,
                CheckRunRequest.create("agent: pr-review", SHA)
                    .status("in_progress")
                    .externalId("run-42")
                    .detailsUrl("https://agent.example/runs/42"))
            .orElseThrow();
    assertThat(created.name()).isEqualTo("agent: pr-review");
    assertThat(created.headSha()).isEqualTo(SHA);
    assertThat(created.status()).isEqualTo("in_progress");
    assertThat(created.conclusion()).isEmpty();

    Instant completedAt = f.clock.instant(); // the update is paced a second after the create
    CheckRun done =
        gh.updateCheckRun(
                f.target,
                created.id(),
                CheckRunRequest.update()
                    .conclusion("action_required", completedAt)
                    .output(
                        new CheckRunRequest.Output(
                            "Waiting for approval",
                            "Approve to post the review.",
                            Optional.empty()))
                    .actions(
                        List.of(
                            new CheckRunRequest.Action("Approve", "Run the write steps", "approve"),
                            new CheckRunRequest.Action("Reject", "Stop this run", "reject"))))
            .orElseThrow();
    assertThat(done.status()).isEqualTo("completed");
    assertThat(done.conclusion()).contains("action_required");

    var stored = f.repo.checkRuns().find(created.id()).orElseThrow();
    assertThat(stored.externalId()).isEqualTo("run-42");
    assertThat(stored.detailsUrl()).isEqualTo("https://agent.example/runs/42");
    assertThat(stored.output().title()).isEqualTo("Waiting for approval");
    assertThat(stored.completedAt()).isEqualTo(completedAt);
    assertThat(stored.actions())
        .containsExactly(
            new Action("Approve", "Run the write steps", "approve"),
            new Action("Reject", "Stop this run", "reject"));
  }

  @Test
  void aPersonalTokenCannotWriteCheckRunsAndIsToldSo() {
    f = FakeGitHubFixture.start(Mode.TOKEN);
    GitHubResult<CheckRun> r =
        f.gateway().createCheckRun(f.target, CheckRunRequest.create("agent: pr-review", SHA));
    assertThat(r).isInstanceOf(GitHubResult.Failed.class);
    assertThat(((GitHubResult.Failed<CheckRun>) r).status()).isEqualTo(403);
    assertThat(r.infrastructure()).isFalse();
    assertThat(f.repo.checkRuns().all()).isEmpty();
  }
}
