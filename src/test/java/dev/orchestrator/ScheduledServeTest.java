package dev.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.FakeGitHub;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.SqliteRunStore;
import dev.orchestrator.testing.Await;
import dev.orchestrator.testing.MutableClock;
import dev.orchestrator.testing.ServerHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} runs scheduled missions through its queue and workers, once per slot. The scheduler
 * looks every 15 s of real time; the slots come from a clock moved by hand. (A restart within a
 * slot is {@code SchedulerTest}'s.)
 */
class ScheduledServeTest {
  private static final String HOURLY =
      """
      name: hourly
      description: Count the open issues every hour
      planner: deterministic
      allowed_tools: [search_issues]
      priority: low
      triggers:
        - schedule: "0 * * * *"
          repositories: [octo/hello]
      steps:
        - tool: search_issues
          args: { query: "is:open" }
      """;

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.at("2026-11-27T10:17:00Z");
  private FakeGitHub github;
  private Map<String, String> env;

  @BeforeEach
  void setUp() throws Exception {
    github = FakeGitHub.start();
    github.repo("octo", "hello");
    Path missions = Files.createDirectories(dir.resolve("missions"));
    Files.writeString(missions.resolve("hourly.yml"), HOURLY);
    env =
        Map.of(
            "MISSIONS_DIR", missions.toString(),
            "GITHUB_API_URL", github.apiUrl(),
            "GITHUB_TOKEN", github.personalAccessToken("octocat"));
  }

  @AfterEach
  void tearDown() {
    github.assertNoUnknownRoutes();
    github.close();
  }

  private List<RunRecord> finished() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("agent.db"))) {
      return new SqliteRunStore(db)
          .recent(10, Optional.empty()).stream()
              .filter(r -> r.status() == RunStatus.SUCCEEDED)
              .toList();
    }
  }

  @Test
  void theServerQueuesAndRunsEachSlotOnce() {
    try (ServerHarness s = ServerHarness.start(dir, env, clock, app -> null)) {
      assertThat(s.get("/readyz").statusCode()).isEqualTo(200);
      Await.until("the 10:00 slot ran", Duration.ofSeconds(30), () -> finished().size() == 1);
      clock.advance(Duration.ofHours(1)); // 11:17
      Await.until("the 11:00 slot ran", Duration.ofSeconds(40), () -> finished().size() == 2);
    }

    assertThat(finished())
        .extracting(r -> r.idempotencyKey().orElseThrow())
        .containsExactlyInAnyOrder(
            "schedule:hourly:octo/hello:2026-11-27T10:00:00Z",
            "schedule:hourly:octo/hello:2026-11-27T11:00:00Z");
    assertThat(finished()).allMatch(r -> r.requestedBy().orElseThrow().equals("serve"));
    assertThat(github.requests("GET", "/search/issues")).hasSize(2);
  }
}
