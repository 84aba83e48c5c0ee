package dev.orchestrator.mission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schedule triggers as loaded: defaults, time zones, slots, and where they are refused. */
class ScheduleTriggerTest {
  private static final String NIGHTLY =
      """
      name: nightly
      description: Look for stale issues
      planner: deterministic
      allowed_tools: [search_issues]
      priority: low
      triggers:
        - schedule: "30 2 * * *"
          timezone: Europe/Berlin
          repositories: [octo/a, octo/b]
        - schedule: "0 * * * *"
          repositories: [octo/c]
        - command: nightly
      steps:
        - tool: search_issues
          args: { query: "is:open" }
      """;

  private static Mission load(String yaml) {
    LoadResult r = MissionLoader.global().loadSources(List.of(new MissionSource("m.yml", yaml)));
    assertThat(r.problems()).isEmpty();
    return r.catalog().byName("nightly").orElseThrow();
  }

  private static Trigger.OnSchedule berlin() {
    return load(NIGHTLY).schedules().get(0);
  }

  @Test
  void aScheduleKeepsItsZoneAndRepositoriesAndDefaultsToUtc() {
    Mission m = load(NIGHTLY);

    assertThat(m.schedules()).hasSize(2);
    assertThat(m.schedules().get(0).zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(m.schedules().get(0).repositories()).containsExactly("octo/a", "octo/b");
    assertThat(m.schedules().get(1).zone().getId()).isEqualTo("UTC");
    assertThat(m.commands()).containsExactly("nightly");
    assertThat(m.schedules().get(0).describe())
        .isEqualTo("schedule \"30 2 * * *\" (Europe/Berlin) on octo/a, octo/b");
  }

  @Test
  void theLatestSlotIsReadInTheMissionsZone() {
    Trigger.OnSchedule s = berlin();

    // 02:30 in Berlin in winter is 01:30 UTC
    assertThat(s.latestSlot(Instant.parse("2026-01-15T09:00:00Z")))
        .contains(Instant.parse("2026-01-15T01:30:00Z"));
    // in summer, 00:30 UTC
    assertThat(s.latestSlot(Instant.parse("2026-07-15T09:00:00Z")))
        .contains(Instant.parse("2026-07-15T00:30:00Z"));
    // before today's slot, yesterday's is the latest
    assertThat(s.latestSlot(Instant.parse("2026-01-15T01:29:59Z")))
        .contains(Instant.parse("2026-01-14T01:30:00Z"));
    // the slot's own minute counts as at-or-before
    assertThat(s.latestSlot(Instant.parse("2026-01-15T01:30:00Z")))
        .contains(Instant.parse("2026-01-15T01:30:00Z"));
    assertThat(s.nextSlot(Instant.parse("2026-01-15T01:30:00Z")))
        .contains(Instant.parse("2026-01-16T01:30:00Z"));
  }

  @Test
  void aLocalTimeThatOccursTwiceWhenClocksGoBackIsOneSlot() {
    Trigger.OnSchedule s = berlin();
    // 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:30 happens at 00:30Z and at 01:30Z
    Instant first = Instant.parse("2026-10-25T00:30:00Z");

    assertThat(s.latestSlot(Instant.parse("2026-10-25T00:45:00Z"))).contains(first);
    assertThat(s.latestSlot(Instant.parse("2026-10-25T01:45:00Z"))).contains(first);
  }

  @Test
  void aLocalTimeSkippedWhenClocksGoForwardIsSkipped() {
    Trigger.OnSchedule s = berlin();
    // 2026-03-29: 02:00 CET becomes 03:00 CEST; there is no 02:30 that day
    assertThat(s.latestSlot(Instant.parse("2026-03-29T12:00:00Z")))
        .contains(Instant.parse("2026-03-28T01:30:00Z"));
  }

  @Test
  void repositoryMissionsMayNotHaveSchedules() {
    LoadResult r =
        MissionLoader.repository()
            .loadSources(List.of(new MissionSource(".github/agent/missions/nightly.yml", NIGHTLY)));

    assertThat(r.problems())
        .extracting(Problem::render)
        .containsExactly(
            ".github/agent/missions/nightly.yml:7:15: trigger 1 \"schedule\": schedules are for"
                + " the operator's missions (MISSIONS_DIR), not a repository's own",
            ".github/agent/missions/nightly.yml:10:15: trigger 2 \"schedule\": schedules are for"
                + " the operator's missions (MISSIONS_DIR), not a repository's own");
  }

  @Test
  void cronExpressionsAreReadByTheLibrary() {
    assertThat(CronSchedule.parse("0 9 * * MON-FRI")).isInstanceOf(CronSchedule.Parsed.Ok.class);
    assertThat(CronSchedule.parse("@hourly")).isInstanceOf(CronSchedule.Parsed.Invalid.class);
    assertThat(CronSchedule.parse(" */15 * * * * "))
        .isEqualTo(new CronSchedule.Parsed.Ok(ok("*/15 * * * *")));
  }

  private static CronSchedule ok(String expression) {
    return ((CronSchedule.Parsed.Ok) CronSchedule.parse(expression)).schedule();
  }
}
