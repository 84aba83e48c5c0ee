package dev.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.AppFactory;
import dev.orchestrator.cli.AgentCommand;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.store.Database;
import dev.orchestrator.testing.FixtureRun;
import dev.orchestrator.testing.ServerHarness;
import dev.orchestrator.testing.TestClock;
import dev.orchestrator.webhook.DeliveryHandler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code GET /api/status} is {@code agent status --format json}, to the byte. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusRouteTest {
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07.089Z");

  private final TestClock clock = new TestClock(NOW);
  private Path dir;
  private ServerHarness harness;

  @BeforeAll
  void start(@TempDir Path tmp) {
    dir = tmp;
    harness = ServerHarness.start(dir, Map.of(), clock, app -> DeliveryHandler.ignoreAll());
    try (Database db = Database.open("jdbc:sqlite:" + harness.database)) {
      Instant hourAgo = NOW.minus(Duration.ofHours(1));
      FixtureRun.of("issue-triage", RunStatus.SUCCEEDED).finished(hourAgo, 4.5).insert(db, NOW);
      FixtureRun.of("issue-triage", RunStatus.SUCCEEDED).finished(hourAgo, 2).insert(db, NOW);
      FixtureRun.of("pr-summary", RunStatus.FAILED).finished(hourAgo, 30).insert(db, NOW);
      FixtureRun.of("pr-summary", RunStatus.SUCCEEDED)
          .finished(NOW.minus(Duration.ofHours(30)), 1)
          .insert(db, NOW);
      FixtureRun.of("stale-issues", RunStatus.QUEUED).insert(db, NOW);
    }
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  private String cli(String... args) {
    Map<String, String> env = Map.of("DATABASE_URL", "jdbc:sqlite:" + harness.database);
    CommandLine cl = AgentCommand.commandLine(new AppFactory(env, clock, dir.resolve(".env")));
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    assertThat(cl.execute(args)).isZero();
    return out.toString();
  }

  @Test
  void theDefaultWindowMatchesTheCommandLine() {
    HttpResponse<String> r = harness.get("/api/status");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(r.body()).isEqualTo(cli("status", "--format", "json"));
    assertThat(r.body()).contains("\"health\" : \"UNHEALTHY\"").contains("\"queue_size\" : 1");
  }

  @Test
  void lookbackHoursIsTheCommandLinesLookback() {
    HttpResponse<String> r = harness.get("/api/status?lookback_hours=48");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .isEqualTo(cli("status", "--format", "json", "--lookback-hours", "48"))
        .contains("\"lookback_hours\" : 48");
  }

  @Test
  void aBadLookbackIs400() {
    for (String bad : new String[] {"0", "-3", "abc", "87841", ""}) {
      HttpResponse<String> r = harness.get("/api/status?lookback_hours=" + bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.body()).contains("lookback_hours: expected a number from 1 to 87840");
    }
  }
}
