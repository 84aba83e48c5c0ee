package dev.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.MissionCatalog;
import dev.orchestrator.mission.MissionLoader;
import dev.orchestrator.mission.MissionSource;
import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which slots are due: the latest of each (mission, repository), never the ones before it. */
class DueSlotsTest {
  static final String HOURLY =
      """
      name: hourly
      description: Every hour
      planner: deterministic
      allowed_tools: [search_issues]
      priority: low
      arguments:
        query: { description: what to look for, default: "is:open" }
      triggers:
        - schedule: "0 * * * *"
          repositories: [octo/a, octo/b]
        - schedule: "30 * * * *"
          repositories: [octo/b]
      steps:
        - tool: search_issues
          args: { query: "${args.query}" }
      """;

  static MissionCatalog catalog(String... yaml) {
    List<MissionSource> sources = new java.util.ArrayList<>();
    for (int i = 0; i < yaml.length; i++) {
      sources.add(new MissionSource("m" + i + ".yml", yaml[i]));
    }
    LoadResult r = MissionLoader.global().loadSources(sources);
    assertThat(r.problems()).isEmpty();
    return r.catalog();
  }

  @Test
  void eachRepositoryHasItsLatestSlotDue() {
    List<DueSlot> due = DueSlots.at(catalog(HOURLY), Instant.parse("2026-11-27T10:17:00Z"));

    assertThat(due)
        .extracting(DueSlot::slot)
        .containsExactly(
            new Slot("hourly", "octo/a", Instant.parse("2026-11-27T10:00:00Z")),
            new Slot("hourly", "octo/b", Instant.parse("2026-11-27T10:00:00Z")));
  }

  @Test
  void twoSchedulesOnOneRepositoryGiveTheLaterSlot() {
    List<DueSlot> due = DueSlots.at(catalog(HOURLY), Instant.parse("2026-11-27T10:47:00Z"));

    assertThat(due)
        .extracting(DueSlot::slot)
        .containsExactly(
            new Slot("hourly", "octo/a", Instant.parse("2026-11-27T10:00:00Z")),
            new Slot("hourly", "octo/b", Instant.parse("2026-11-27T10:30:00Z")));
    assertThat(due.get(1).schedule().cron().expression()).isEqualTo("30 * * * *");
  }

  @Test
  void afterDowntimeOnlyTheLatestSlotIsDue() {
    // down from 03:00 to 10:17: seven slots missed, one due
    List<DueSlot> due = DueSlots.at(catalog(HOURLY), Instant.parse("2026-11-27T10:17:00Z"));

    assertThat(due).filteredOn(d -> d.slot().repository().equals("octo/a")).hasSize(1);
  }

  @Test
  void nextSlotAndPairsAreCounted() {
    MissionCatalog c = catalog(HOURLY);

    assertThat(DueSlots.next(c, Instant.parse("2026-11-27T10:17:00Z")))
        .contains(Instant.parse("2026-11-27T10:30:00Z"));
    assertThat(DueSlots.scheduled(c)).isEqualTo(2);
    assertThat(DueSlots.at(MissionCatalog.empty(), Instant.EPOCH)).isEmpty();
  }

  @Test
  void theRunOfASlotCarriesItsKeyPriorityArgumentsAndEvent() {
    DueSlot d = DueSlots.at(catalog(HOURLY), Instant.parse("2026-11-27T10:17:00Z")).get(0);

    NewRun run = ScheduledRuns.of(d, RunStatus.QUEUED, "serve", 0);

    assertThat(run.idempotencyKey()).contains("schedule:hourly:octo/a:2026-11-27T10:00:00Z");
    assertThat(run.priority()).isEqualTo(NewRun.PRIORITY_LOW);
    assertThat(run.trigger()).isEqualTo("schedule:0 * * * *");
    assertThat(run.requestedBy()).contains("serve");
    assertThat(run.repository()).contains("octo/a");
    assertThat(run.argumentsJson()).isEqualTo("{\"query\":\"is:open\"}");
    assertThat(run.eventJson())
        .contains(
            "{\"schedule\":\"0 * * * *\",\"timezone\":\"UTC\",\"slot\":\"2026-11-27T10:00:00Z\","
                + "\"repository\":{\"full_name\":\"octo/a\",\"name\":\"a\","
                + "\"owner\":{\"login\":\"octo\"}}}");
  }
}
