package dev.orchestrator.mission;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What starts a mission besides {@code /agent run <name>}: a webhook event, a command, or a
 * schedule.
 */
public sealed interface Trigger permits Trigger.OnEvent, Trigger.OnCommand, Trigger.OnSchedule {

  /** How listings show it: {@code issues.opened [label=bug]} or {@code /agent triage}. */
  String describe();

  /** The command name, for a command trigger. */
  default Optional<String> command() {
    return Optional.empty();
  }

  /**
   * {@code event: <event>.<action>} with payload conditions. The one condition so far is {@code
   * label}: the name of the label a {@code labeled} or {@code unlabeled} event carries.
   */
  record OnEvent(String event, String action, Map<String, String> conditions) implements Trigger {
    public OnEvent {
      conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
    }

    /** {@code <event>.<action>}, as written. */
    public String eventAction() {
      return event + "." + action;
    }

    @Override
    public String describe() {
      if (conditions.isEmpty()) {
        return eventAction();
      }
      return eventAction()
          + conditions.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(", ", " [", "]"));
    }
  }

  /** {@code command: <name>}: {@code /agent <name>} starts the mission. */
  record OnCommand(String name) implements Trigger {
    @Override
    public String describe() {
      return "/agent " + name;
    }

    @Override
    public Optional<String> command() {
      return Optional.of(name);
    }
  }

  /**
   * {@code schedule: "0 * * * *"}: the mission runs on each listed repository at every time the
   * cron expression names, read in {@code zone} (UTC unless the mission sets {@code timezone}).
   *
   * @param repositories {@code owner/repo} names, in the order written
   */
  record OnSchedule(CronSchedule cron, ZoneId zone, List<String> repositories) implements Trigger {
    public OnSchedule {
      repositories = List.copyOf(repositories);
    }

    @Override
    public String describe() {
      return "schedule \""
          + cron.expression()
          + "\" ("
          + zone.getId()
          + ") on "
          + String.join(", ", repositories);
    }

    /**
     * The start of the latest slot at or before {@code now}, if the schedule has fired by then. A
     * local time that occurs twice when clocks go back counts once (the earlier instant), so a slot
     * is never run a second time an hour later; a local time skipped when clocks go forward is
     * skipped.
     */
    public Optional<Instant> latestSlot(Instant now) {
      return cron.latestAtOrBefore(now.atZone(zone))
          .map(ZonedDateTime::withEarlierOffsetAtOverlap)
          .map(ZonedDateTime::toInstant);
    }

    /** The start of the first slot after {@code now}. */
    public Optional<Instant> nextSlot(Instant now) {
      return cron.nextAfter(now.atZone(zone)).map(ZonedDateTime::toInstant);
    }
  }
}
