package dev.orchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.GitHubScenario;
import dev.orchestrator.testing.JumpClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The real server with one worker and the shipped {@code issue-triage} mission on {@code
 * octo/widgets}, on a {@link JumpClock}, and what the fault tests read back: the run of an issue
 * from the server's database and what GitHub received for it.
 */
final class TriageScene implements AutoCloseable {
  final JumpClock clock = JumpClock.real();
  final GitHubScenario s;
  final FakeRepo repo;

  /** A run's status, "not before" instant and error, read from the server's database. */
  record Row(String status, Optional<Instant> notBefore, Optional<String> error) {}

  TriageScene(Path dir, Map<String, String> env) {
    this(dir, env, "issue-triage");
  }

  /** The same, with {@code trigger} the one mission {@code .github/agent.yml} lists. */
  TriageScene(Path dir, Map<String, String> env, String trigger) {
    Map<String, String> all = GitHubScenario.env("WORKERS", "1");
    all.putAll(env);
    s = GitHubScenario.start(dir, all, clock);
    repo = s.repo("widgets");
    repo.file(".github/agent.yml", "triggers: [" + trigger + "]\n");
  }

  /** Opens an issue in the fake and delivers {@code issues.opened} for it; asserts the 2xx. */
  int open(String title, String deliveryId) {
    int issue = s.issue(repo, title);
    deliverOpened(issue, deliveryId);
    return issue;
  }

  /** Delivers {@code issues.opened} for an issue of the fake; asserts the 2xx. */
  void deliverOpened(int issue, String deliveryId) {
    assertThat(s.deliver("issues", s.issueOpened(repo, issue, "alice"), deliveryId).statusCode())
        .as("the intake's answer to " + deliveryId)
        .isBetween(200, 299);
  }

  String path(int issue, String rest) {
    return "/repos/octo/widgets/issues/" + issue + rest;
  }

  Row run(int issue) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + s.server.database);
        PreparedStatement p =
            c.prepareStatement(
                "SELECT status, not_before, error, (SELECT COUNT(*) FROM runs r2 WHERE"
                    + " r2.issue_number = runs.issue_number AND r2.repository = runs.repository) FROM runs"
                    + " WHERE issue_number = ? AND repository = 'octo/widgets'")) {
      p.setInt(1, issue);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return new Row("NONE", Optional.empty(), Optional.empty());
        }
        assertThat(rs.getInt(4)).as("runs for issue " + issue).isEqualTo(1);
        return new Row(
            rs.getString(1),
            Optional.ofNullable(rs.getString(2)).map(Instant::parse),
            Optional.ofNullable(rs.getString(3)));
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError("reading the run of issue " + issue, e);
    }
  }

  boolean waiting(int issue) {
    Row r = run(issue);
    return r.status().equals("QUEUED") && r.notBefore().isPresent();
  }

  void awaitStatus(int issue, String status) {
    Await.until(
        "the run of issue " + issue + " to be " + status,
        Duration.ofSeconds(30),
        () -> run(issue).status().equals(status));
  }

  /** The triage did its work once: one reply, one labelling, one read of the issue. */
  void assertTriagedOnce(int issue) {
    assertThat(s.github.comments("octo", "widgets", issue))
        .singleElement()
        .extracting(Comment::body)
        .asString()
        .startsWith("Thanks for opening this issue!");
    assertThat(
            s.github.requests("POST", path(issue, "/labels")).stream()
                .filter(r -> r.status() / 100 == 2))
        .as("labels added")
        .hasSize(1);
    assertThat(
            s.github.requests("POST", path(issue, "/comments")).stream()
                .filter(r -> r.status() / 100 == 2))
        .as("comments posted")
        .hasSize(1);
  }

  /** Every stored delivery was dispatched, each once, to at most one run. */
  void assertDeliveriesDispatchedOnce(int expected) {
    s.awaitDispatched();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + s.server.database);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*), SUM(dispatched_at IS NOT NULL), (SELECT COUNT(*) FROM"
                        + " delivery_runs), (SELECT COUNT(DISTINCT delivery_id) FROM"
                        + " delivery_runs) FROM deliveries")) {
      rs.next();
      assertThat(rs.getInt(1)).as("deliveries stored").isEqualTo(expected);
      assertThat(rs.getInt(2)).as("deliveries dispatched").isEqualTo(expected);
      assertThat(rs.getInt(3)).as("runs started by deliveries").isEqualTo(expected);
      assertThat(rs.getInt(4)).as("deliveries that started a run").isEqualTo(expected);
    } catch (java.sql.SQLException e) {
      throw new AssertionError("reading the deliveries", e);
    }
  }

  @Override
  public void close() {
    s.close();
    s.github.assertNoUnknownRoutes();
  }
}
