package dev.orchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.cli.CliRun;
import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.faults.FaultRule;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.testing.Await;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub unable to serve a repository's {@code .github/agent.yml} (502, nothing cached yet), end to
 * end. The delivery is acknowledged and, instead of being taken for "not opted in" and dropped, it
 * waits for its own next attempt (10 s, then 20 s…) while the dispatcher goes on with another
 * repository's delivery. Once GitHub answers again its triage run starts, once; if GitHub never
 * does, the delivery is recorded as failed, with the reason, after an hour. Waits are jumps of the
 * clock, not sleeps.
 */
class UnreadableRepositoryConfigEndToEndTest {
  private static final String CONFIG = "/repos/octo/widgets/contents/.github/agent.yml";

  @TempDir Path dir;
  private TriageScene t;

  @BeforeEach
  void start() {
    t = new TriageScene(dir, Map.of());
  }

  @AfterEach
  void stop() {
    t.close();
  }

  /** A delivery's dispatch state, read from the server's database. */
  private record Row(
      Optional<String> outcome,
      Optional<String> reason,
      int failedAttempts,
      Optional<Instant> nextAttemptAt) {}

  private Row delivery(String id) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.s.server.database);
        PreparedStatement p =
            c.prepareStatement(
                "SELECT outcome, reason, failed_attempts, next_attempt_at FROM deliveries"
                    + " WHERE delivery_id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).as("delivery " + id + " stored").isTrue();
        return new Row(
            Optional.ofNullable(rs.getString(1)),
            Optional.ofNullable(rs.getString(2)),
            rs.getInt(3),
            Optional.ofNullable(rs.getString(4)).map(Instant::parse));
      }
    } catch (SQLException e) {
      throw new AssertionError("reading delivery " + id, e);
    }
  }

  private void awaitFailedAttempts(String id, int n) {
    Await.until(
        "attempt " + n + " of " + id + " to fail",
        Duration.ofSeconds(30),
        () -> delivery(id).failedAttempts() == n);
  }

  @Test
  void anEventWaitsWhileAgentYmlCannotBeReadOthersGoOnAndItsRunStartsOnceGitHubAnswers() {
    FakeRepo gadgets = t.s.repo("gadgets");
    gadgets.file(".github/agent.yml", "triggers: [issue-triage]\n");
    FaultRule outage = t.s.github.faults().on("GET", CONFIG).always(Fault.badGateway());

    int issue = t.open("Crash on start", "d-waits");
    awaitFailedAttempts("d-waits", 1);
    Row waiting = delivery("d-waits");
    assertThat(waiting.outcome()).as("still pending").isEmpty();
    assertThat(waiting.reason())
        .hasValueSatisfying(
            r -> assertThat(r).startsWith("could not read .github/agent.yml: ").contains("502"));
    assertThat(waiting.nextAttemptAt())
        .hasValueSatisfying(
            at ->
                assertThat(Duration.between(t.clock.instant(), at))
                    .isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10)));

    // meanwhile another repository's delivery is dispatched and its run is done
    int other = t.s.issue(gadgets, "Hangs");
    assertThat(
            t.s.deliver("issues", t.s.issueOpened(gadgets, other, "bob"), "d-other").statusCode())
        .isBetween(200, 299);
    Await.until(
        "the other repository's reply",
        Duration.ofSeconds(30),
        () -> t.s.github.comments("octo", "gadgets", other).size() == 1);
    assertThat(delivery("d-other").outcome()).hasValue("runs");
    assertThat(t.run(issue).status()).as("no run while agent.yml is unknown").isEqualTo("NONE");

    // the next attempt, still in the outage, waits twice as long
    t.clock.advance(Duration.ofSeconds(10));
    awaitFailedAttempts("d-waits", 2);
    assertThat(delivery("d-waits").nextAttemptAt())
        .hasValueSatisfying(
            at ->
                assertThat(Duration.between(t.clock.instant(), at))
                    .isBetween(Duration.ofSeconds(15), Duration.ofSeconds(20)));
    assertThat(t.run(issue).status()).isEqualTo("NONE");

    int failedReads = outage.hits();
    t.s.github.faults().clear(); // GitHub answers again
    t.clock.advance(Duration.ofSeconds(20));
    t.awaitStatus(issue, "SUCCEEDED");
    t.assertTriagedOnce(issue);
    Row done = delivery("d-waits");
    assertThat(done.outcome()).hasValue("runs");
    assertThat(done.failedAttempts()).isEqualTo(2);
    assertThat(done.nextAttemptAt()).isEmpty();
    assertThat(failedReads).as("two attempts, each a read tried three times").isEqualTo(6);
    t.assertDeliveriesDispatchedOnce(2);
  }

  @Test
  void anEventWhoseAgentYmlStaysUnreadableIsRecordedAsFailedAfterAnHourAndCanBeRedispatched() {
    t.s.github.faults().on("GET", CONFIG).always(Fault.badGateway());
    int issue = t.open("Crash on start", "d-lost");
    awaitFailedAttempts("d-lost", 1);

    t.clock.advance(Duration.ofHours(1));
    Await.until(
        "the delivery to be given up",
        Duration.ofSeconds(30),
        () -> delivery("d-lost").outcome().isPresent());
    Row given = delivery("d-lost");
    assertThat(given.outcome()).hasValue("failed");
    assertThat(given.failedAttempts()).isEqualTo(2);
    assertThat(given.reason())
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .startsWith("could not read .github/agent.yml: ")
                    .contains("502")
                    .endsWith("(gave up after 2 attempts in 1h)"));
    assertThat(t.run(issue).status()).isEqualTo("NONE");
    assertThat(t.s.github.comments("octo", "widgets", issue)).isEmpty();

    // GitHub answers again; the operator hands the given-up delivery to the dispatcher again
    t.s.github.faults().clear();
    CliRun again = cli("redispatch", "--delivery", "d-lost");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out())
        .contains("delivery \"d-lost\" (issues.opened) is pending again; it was failed: could not")
        .contains("agent explain --delivery d-lost");
    t.awaitStatus(issue, "SUCCEEDED");
    t.assertTriagedOnce(issue);
    assertThat(delivery("d-lost").outcome()).hasValue("runs");

    // it started a run this time: handing it over again would replay that, so it is refused
    CliRun twice = cli("redispatch", "--delivery", "d-lost");
    assertThat(twice.exitCode()).isOne();
    assertThat(twice.err())
        .contains("came to \"runs\": only failed or ignored deliveries are dispatched again");
    assertThat(delivery("d-lost").outcome()).hasValue("runs");
    t.assertTriagedOnce(issue);
    assertThat(cli("redispatch", "--delivery", "d-unknown").err())
        .contains("no delivery \"d-unknown\" is stored");
  }

  private CliRun cli(String... args) {
    Map<String, String> env =
        Map.of(
            "DATABASE_URL",
            "jdbc:sqlite:" + t.s.server.database,
            "GITHUB_API_URL",
            "http://127.0.0.1:1",
            "MISSIONS_DIR",
            Path.of("missions").toAbsolutePath().toString());
    return CliRun.run(env, t.clock, dir.resolve("cli.env"), args);
  }
}
