package dev.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.GitHubScenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a built-in command costs on GitHub once the installation token, the requester's permission
 * and the repository's configuration are cached: 👀, the reply, 👍, and removing 👀.
 */
class BuiltInCommandCostTest {
  @TempDir Path dir;
  GitHubScenario s;

  @AfterEach
  void stop() {
    s.close();
    s.github.assertNoUnknownRoutes();
  }

  @Test
  void aSecondStatusCommandMakesFourRequests() {
    s = GitHubScenario.start(dir, Map.of());
    FakeRepo repo = s.repo("widgets");
    repo.role("tess", "triage");
    int issue = s.issue(repo, "Crash on start");
    s.comment(repo, issue, "tess", "User", "/agent status", "d-first");
    s.awaitDispatched();
    Await.until(
        "the first command's 👀 to be removed",
        () -> s.github.requests().stream().anyMatch(r -> r.method().equals("DELETE")));

    int before = s.github.requests().size();
    s.comment(repo, issue, "tess", "User", "/agent status", "d-second");
    s.awaitDispatched();
    Await.until(
        "the second command's 👀 to be removed",
        () -> s.github.requests().stream().filter(r -> r.method().equals("DELETE")).count() == 2);

    List<String> second =
        s.github.requests().subList(before, s.github.requests().size()).stream()
            .map(r -> r.method() + " " + r.template())
            .toList();
    assertThat(second)
        .containsExactly(
            "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
            "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
            "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
            "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}");
  }
}
