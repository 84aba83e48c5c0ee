package dev.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.http.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 👍/👎 on the approval request, found by the poller, with conditional requests. */
class ReactionApprovalEndToEndTest {
  @TempDir Path dir;
  private ApprovalScene a;

  @BeforeEach
  void start() {
    a = new ApprovalScene(dir, Map.of());
  }

  @AfterEach
  void stop() {
    a.close();
  }

  @Test
  void ignoredThumbsUpThenAPermittedOneResumesTheRunAndRepeatedPollsAre304() {
    long run = a.blockedRunOnNewIssue("d-stale");
    long comment = a.statusCommentId(run);
    assertThat(a.statusComment(run).body())
        .contains("Approval needed")
        .contains("post_comment")
        .contains("add_labels");
    a.repo.react(comment, "tess", "+1"); // the requester, self-approval not allowed
    a.repo.react(comment, "rita", "+1"); // read only
    a.repo.react(comment, "dependabot[bot]", "+1"); // a bot
    a.pollOnce(run);
    a.pollOnce(run);
    assertThat(a.status(run)).isEqualTo("BLOCKED");
    String path = "/repos/octo/widgets/issues/comments/" + comment + "/reactions";
    List<RecordedRequest> polls = a.s.github.requests("GET", path);
    assertThat(polls).hasSizeGreaterThanOrEqualTo(2);
    assertThat(polls.get(0).header("If-None-Match")).isEmpty();
    assertThat(polls.get(polls.size() - 1).header("If-None-Match")).isPresent();
    assertThat(polls.get(polls.size() - 1).status()).isEqualTo(304);

    a.repo.react(comment, "wes", "+1");
    a.pollOnce(run);
    a.awaitStatus(run, "SUCCEEDED");
    assertThat(a.repo.issues().get(a.stale).labels()).contains("stale");
    a.awaitComment(run, "succeeded");
    assertThat(a.transcript(run)).contains("\"approved\"").contains("wes");
  }

  @Test
  void onlyEachUsersLatestReactionCountsAndAThumbsDownRejects() {
    long run = a.blockedRunOnNewIssue("d-latest");
    long comment = a.statusCommentId(run);
    a.repo.react(comment, "mara", "+1");
    a.repo.reactions().delete(comment, a.repo.reactions().on(comment).get(0).id());
    a.repo.react(comment, "mara", "-1");
    a.pollOnce(run);
    a.awaitStatus(run, "REJECTED");
    a.awaitComment(run, "rejected");
    assertThat(a.transcript(run)).contains("\"rejected\"").contains("mara");
    assertThat(a.repo.issues().get(a.stale).labels()).doesNotContain("stale");
  }
}
