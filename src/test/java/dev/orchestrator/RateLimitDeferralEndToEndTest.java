package dev.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.http.RecordedRequest;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.GitHubScenario;
import dev.orchestrator.testing.ShiftableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub's primary rate limit spent mid-run, end to end: the real server with one worker, the
 * shipped {@code issue-triage} mission and a FakeGitHub answering 403 with {@code
 * x-ratelimit-remaining: 0}. The run goes back to the queue until the reset, the worker meanwhile
 * takes other work, and after the reset the run goes on from the comment that was refused.
 */
class RateLimitDeferralEndToEndTest {
  @TempDir Path dir;
  private final ShiftableClock clock = new ShiftableClock();
  private GitHubScenario s;
  private FakeRepo repo;

  @BeforeEach
  void start() {
    s = GitHubScenario.start(dir, GitHubScenario.env("WORKERS", "1"), clock);
    repo = s.repo("widgets");
    repo.file(".github/agent.yml", "triggers: [issue-triage]\n");
  }

  @AfterEach
  void stop() {
    s.close();
    s.github.assertNoUnknownRoutes();
  }

  /** A run's status and "not before" instant, read from the server's database. */
  private record Row(String status, Optional<Instant> notBefore) {}

  private Row run(int issue) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + s.server.database);
        PreparedStatement p =
            c.prepareStatement("SELECT status, not_before FROM runs WHERE issue_number = ?")) {
      p.setInt(1, issue);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return new Row("NONE", Optional.empty());
        }
        return new Row(rs.getString(1), Optional.ofNullable(rs.getString(2)).map(Instant::parse));
      }
    } catch (Exception e) {
      throw new AssertionError("reading the run of issue " + issue, e);
    }
  }

  private boolean waiting(int issue) {
    Row r = run(issue);
    return r.status().equals("QUEUED") && r.notBefore().isPresent();
  }

  private String path(int issue, String rest) {
    return "/repos/octo/widgets/issues/" + issue + rest;
  }

  @Test
  void aSpentLimitSendsTheRunBackToTheQueueAndEachCommentIsPostedOnceAfterTheReset() {
    int first = s.issue(repo, "Crash on start");
    int second = s.issue(repo, "Slow on resume");
    s.github.faults().on("POST", path(first, "/comments")).once(Fault.primaryRateLimit());

    s.deliver("issues", s.issueOpened(repo, first, "alice"), "d-first");
    Await.until("the first run to wait for the reset", () -> waiting(first));
    Instant reset = run(first).notBefore().orElseThrow();
    assertThat(reset).isAfter(clock.instant().plus(Duration.ofMinutes(30)));
    assertThat(s.github.requests("POST", path(first, "/labels"))).hasSize(1);
    assertThat(s.github.comments("octo", "widgets", first)).isEmpty();

    // the one worker is free: it takes the next run, which waits too, without asking GitHub
    s.deliver("issues", s.issueOpened(repo, second, "bob"), "d-second");
    Await.until("the second run to wait for the reset", () -> waiting(second));
    assertThat(run(second).notBefore()).contains(reset);
    assertThat(s.github.requests("GET", path(second, ""))).isEmpty();

    clock.shiftTo(reset.plusSeconds(1));
    Await.until(
        "both runs to succeed after the reset",
        Duration.ofSeconds(30),
        () -> run(first).status().equals("SUCCEEDED") && run(second).status().equals("SUCCEEDED"));

    for (int issue : new int[] {first, second}) {
      assertThat(s.github.comments("octo", "widgets", issue))
          .singleElement()
          .extracting(Comment::body)
          .asString()
          .startsWith("Thanks for opening this issue!");
      assertThat(s.github.requests("GET", path(issue, ""))).as("get_issue").hasSize(1);
      assertThat(s.github.requests("POST", path(issue, "/labels"))).as("add_labels").hasSize(1);
      assertThat(run(issue).notBefore()).isEmpty();
    }
    assertThat(s.github.requests("POST", path(first, "/comments")))
        .extracting(RecordedRequest::status)
        .first()
        .isEqualTo(403);
    assertThat(s.github.requests("POST", path(first, "/comments")))
        .extracting(RecordedRequest::status)
        .filteredOn(status -> status == 201)
        .hasSize(1);
  }
}
