package dev.orchestrator.mission;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a schedule trigger: a cron expression that fires, a known time zone, and the repositories
 * it runs on. Schedules belong to the operator's missions: a repository's own mission may not name
 * other repositories, and the server reads repository missions only when an event arrives.
 */
final class ScheduleValidator {
  /** GitHub's owner and repository names: letters, digits, {@code -}, {@code _}, {@code .}. */
  static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

  // Where "fires at least once" is looked for from; any fixed instant serves.
  private static final ZonedDateTime REFERENCE =
      ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  /** The zone of a schedule without {@code timezone}. */
  static final ZoneId UTC = ZoneId.of("UTC");

  private ScheduleValidator() {}

  static Optional<Trigger.OnSchedule> validate(
      RawMission.RawSchedule raw, String context, MissionScope scope, Problems problems) {
    if (scope == MissionScope.REPOSITORY) {
      problems.at(
          raw.schedule(),
          context
              + " \"schedule\": schedules are for the operator's missions (MISSIONS_DIR), not a"
              + " repository's own");
      return Optional.empty();
    }
    Optional<CronSchedule> cron = cron(raw.schedule(), context, problems);
    Optional<ZoneId> zone =
        raw.timezone().isEmpty() ? Optional.of(UTC) : zone(raw.timezone().get(), context, problems);
    Optional<List<String>> repositories = repositories(raw, context, problems);
    if (cron.isEmpty() || zone.isEmpty() || repositories.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Trigger.OnSchedule(cron.get(), zone.get(), repositories.get()));
  }

  private static Optional<CronSchedule> cron(
      Located<String> text, String context, Problems problems) {
    String label = context + " \"schedule\": ";
    CronSchedule.Parsed parsed = CronSchedule.parse(text.value());
    if (parsed instanceof CronSchedule.Parsed.Invalid invalid) {
      problems.at(
          text,
          label
              + "expected five cron fields (minute hour day-of-month month day-of-week) such as"
              + " \"0 * * * *\", found "
              + Words.quote(text.value())
              + ": "
              + invalid.reason());
      return Optional.empty();
    }
    CronSchedule schedule = ((CronSchedule.Parsed.Ok) parsed).schedule();
    if (!schedule.firesWithin(REFERENCE)) {
      problems.at(text, label + Words.quote(text.value()) + " never fires (no such date)");
      return Optional.empty();
    }
    return Optional.of(schedule);
  }

  private static Optional<ZoneId> zone(Located<String> text, String context, Problems problems) {
    try {
      return Optional.of(ZoneId.of(text.value()));
    } catch (DateTimeException e) {
      // reported below, with a suggestion
    }
    problems.at(
        text,
        context
            + " \"timezone\": unknown time zone "
            + Words.quote(text.value())
            + nearestZone(text.value()).map(z -> "; did you mean \"" + z + "\"?").orElse(";")
            + " use an IANA name such as \"Europe/Paris\" or \"UTC\"");
    return Optional.empty();
  }

  private static Optional<String> nearestZone(String written) {
    String lower = written.toLowerCase(Locale.ROOT);
    return ZoneId.getAvailableZoneIds().stream()
        .filter(z -> z.contains("/"))
        .map(z -> Map.entry(z, Words.distance(lower, z.toLowerCase(Locale.ROOT))))
        .filter(e -> e.getValue() <= Words.NEAR)
        .min(
            Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey);
  }

  private static Optional<List<String>> repositories(
      RawMission.RawSchedule raw, String context, Problems problems) {
    if (raw.repositories().isEmpty()) {
      problems.at(
          raw.line(),
          raw.column(),
          "missing required key \"repositories\" in "
              + context
              + ": the owner/repo names the schedule runs on");
      return Optional.empty();
    }
    Located<List<Located<String>>> list = raw.repositories().get();
    String label = context + " \"repositories\"";
    if (list.value().isEmpty()) {
      problems.at(list, label + ": list at least one owner/repo");
      return Optional.empty();
    }
    boolean ok = true;
    List<String> out = new ArrayList<>();
    Map<String, Located<String>> seen = new HashMap<>();
    for (Located<String> r : list.value()) {
      if (!REPOSITORY.matcher(r.value()).matches()) {
        problems.at(r, label + ": expected owner/repo, found " + Words.quote(r.value()));
        ok = false;
        continue;
      }
      String key = r.value().toLowerCase(Locale.ROOT); // GitHub's names ignore case
      Located<String> first = seen.putIfAbsent(key, r);
      if (first != null) {
        problems.at(
            r,
            label
                + ": "
                + Words.quote(r.value())
                + " is listed twice (first at "
                + first.position()
                + ")");
        ok = false;
        continue;
      }
      out.add(r.value());
    }
    return ok ? Optional.of(out) : Optional.empty();
  }

  /**
   * A scheduled run has no one to give it arguments, so a mission with a schedule must have a
   * default for each of its arguments.
   */
  static void argumentsHaveDefaults(
      List<RawMission.RawTrigger> triggers,
      Map<String, ArgumentSpec> arguments,
      Problems problems) {
    List<String> required =
        arguments.values().stream()
            .filter(a -> a.defaultValue().isEmpty())
            .map(ArgumentSpec::name)
            .sorted(Comparator.naturalOrder())
            .toList();
    if (required.isEmpty()) {
      return;
    }
    int n = 0;
    for (RawMission.RawTrigger t : triggers) {
      n++;
      if (t instanceof RawMission.RawSchedule s) {
        problems.at(
            s.schedule(),
            "trigger "
                + n
                + " \"schedule\": a scheduled run is given no arguments, so every argument needs a"
                + " default; missing for "
                + String.join(", ", required));
      }
    }
  }
}
