package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.state.Issue;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.feedback.HealthIssueReporter;
import dev.orchestrator.report.HealthIssueBody;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The health report's issue through the production gateway against the fake GitHub. */
class HealthIssueReporterTest {
  private static final Duration EVERY = Duration.ofHours(1);
  private static final String ISSUES = "/repos/octo/hello/issues";

  private FakeGitHubFixture f;
  private final AtomicInteger summaries = new AtomicInteger();

  @BeforeEach
  void open() {
    f = FakeGitHubFixture.start(FakeGitHubFixture.Mode.APP_PKCS1);
  }

  @AfterEach
  void verify() {
    f.verify();
    f.close();
  }

  private HealthIssueReporter reporter() {
    return new HealthIssueReporter(
        f.gateway(),
        f.target,
        () -> "summary " + summaries.incrementAndGet(),
        () -> Optional.of(f.github.app().botLogin()),
        f.clock,
        EVERY);
  }

  private List<Issue> reports() {
    return f.repo.issues().all().stream()
        .filter(i -> i.body() != null && i.body().startsWith(HealthIssueBody.MARKER))
        .toList();
  }

  @Test
  void theReportIsWrittenOncePerIntervalIntoOneIssue() {
    HealthIssueReporter r = reporter();
    r.tick();
    assertThat(reports())
        .singleElement()
        .satisfies(i -> assertThat(i.body()).contains("summary 1"));
    assertThat(reports().get(0).author().login()).isEqualTo(f.github.app().botLogin());
    f.clock.advance(EVERY.minusSeconds(1));
    r.tick(); // not due yet
    assertThat(summaries).hasValue(1);
    f.clock.advance(Duration.ofSeconds(1));
    r.tick();
    assertThat(reports())
        .singleElement()
        .satisfies(i -> assertThat(i.body()).contains("summary 2"));
    // the number was remembered: the second report is an edit without a listing
    assertThat(f.github.requests("GET", ISSUES)).hasSize(1);
    assertThat(f.github.requests("POST", ISSUES)).hasSize(1);
  }

  @Test
  void aClosedReportIssueIsReplacedByANewOne() {
    HealthIssueReporter r = reporter();
    r.tick();
    int first = r.issueNumber().orElseThrow();
    f.repo.issues().update(first, i -> i.withState("closed", "completed", f.clock.instant()));
    f.clock.advance(EVERY);
    r.tick();
    assertThat(r.issueNumber()).isPresent().isNotEqualTo(java.util.OptionalInt.of(first));
    assertThat(f.repo.issues().all().stream().filter(i -> i.isOpen() && reports().contains(i)))
        .singleElement()
        .satisfies(i -> assertThat(i.body()).contains("summary 2"));
  }

  @Test
  void aPersonsIssueQuotingTheMarkerIsLeftAloneAndAnEarlierReportIsFoundAgain() {
    f.repo.add(IssueSeed.issue("copy").author("mallory").body(HealthIssueBody.MARKER + " mine"));
    HealthIssueReporter before = reporter();
    before.tick();
    int report = before.issueNumber().orElseThrow();
    HealthIssueReporter afterRestart = reporter();
    afterRestart.tick();
    assertThat(afterRestart.issueNumber()).hasValue(report);
    assertThat(f.repo.issues().get(1).body()).isEqualTo(HealthIssueBody.MARKER + " mine");
    assertThat(f.repo.issues().get(report).body()).contains("summary 2");
    assertThat(f.github.requests("POST", ISSUES)).hasSize(1);
  }

  @Test
  void aFailedListingWritesNothingAndTheNextIntervalTriesAgain() {
    f.github.faults().on("GET", ISSUES).once(Fault.status(422));
    HealthIssueReporter r = reporter();
    r.tick();
    assertThat(reports()).isEmpty();
    assertThat(r.issueNumber()).isEmpty();
    r.tick(); // not due: a failure waits for the interval too
    assertThat(f.github.requests("GET", ISSUES)).hasSize(1);
    f.clock.advance(EVERY);
    r.tick();
    assertThat(reports()).hasSize(1);
  }
}
