package dev.orchestrator.mission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks triggers: known events and actions, sensible conditions, command names. */
final class TriggerValidator {
  private static final Pattern EVENT = Pattern.compile("([a-z_]+)\\.([a-z_]+)");
  private static final List<String> LABEL_ACTIONS = List.of("labeled", "unlabeled");

  private final Problems problems;
  private final MissionScope scope;
  private final Map<String, Located<?>> seen = new HashMap<>();

  private TriggerValidator(Problems problems, MissionScope scope) {
    this.problems = problems;
    this.scope = scope;
  }

  static List<Trigger> validate(
      List<RawMission.RawTrigger> raw, MissionScope scope, Problems problems) {
    TriggerValidator v = new TriggerValidator(problems, scope);
    List<Trigger> out = new ArrayList<>();
    int n = 0;
    for (RawMission.RawTrigger t : raw) {
      n++;
      Optional<Trigger> checked;
      if (t instanceof RawMission.RawEvent e) {
        checked = v.event(e, n);
      } else if (t instanceof RawMission.RawSchedule s) {
        checked = v.schedule(s, n);
      } else {
        checked = v.command((RawMission.RawCommand) t, n);
      }
      checked.ifPresent(out::add);
    }
    return out;
  }

  private Optional<Trigger> schedule(RawMission.RawSchedule raw, int n) {
    Optional<Trigger.OnSchedule> checked =
        ScheduleValidator.validate(raw, "trigger " + n, scope, problems);
    return checked.isPresent()
            && once(
                checked.get().describe(),
                checked.get().cron().expression(),
                raw.schedule(),
                "trigger " + n + " \"schedule\"")
        ? Optional.of(checked.get())
        : Optional.empty();
  }

  private Optional<Trigger> event(RawMission.RawEvent raw, int n) {
    Located<String> written = raw.event();
    String label = "trigger " + n + " \"event\"";
    Matcher m = EVENT.matcher(written.value());
    if (!m.matches()) {
      problems.at(
          written,
          label
              + ": expected \"<event>.<action>\" such as \"issues.opened\", found "
              + Words.quote(written.value()));
      return Optional.empty();
    }
    String event = m.group(1);
    String action = m.group(2);
    Optional<List<String>> actions = WebhookEvents.actions(event);
    if (actions.isEmpty()) {
      problems.at(
          written,
          label
              + ": unknown event "
              + Words.quote(event)
              + Words.thenSuggest(event, WebhookEvents.events())
              + " known events: "
              + String.join(", ", WebhookEvents.events()));
      return Optional.empty();
    }
    if (!actions.get().contains(action)) {
      problems.at(
          written,
          label
              + ": "
              + Words.quote(event)
              + " has no action "
              + Words.quote(action)
              + Words.thenSuggest(action, actions.get())
              + " its actions: "
              + String.join(", ", actions.get()));
      return Optional.empty();
    }
    Map<String, String> conditions = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, Located<String>> c : raw.conditions().entrySet()) {
      ok &= condition(n, c.getKey(), c.getValue(), action);
      conditions.put(c.getKey(), c.getValue().value());
    }
    Trigger.OnEvent trigger = new Trigger.OnEvent(event, action, conditions);
    return ok && once(trigger.describe(), written, label) ? Optional.of(trigger) : Optional.empty();
  }

  private boolean condition(int n, String key, Located<String> value, String action) {
    String label = "trigger " + n + " \"" + key + "\"";
    if (value.value().isBlank()) {
      problems.at(value, label + ": must not be empty");
      return false;
    }
    if (key.equals("label") && !LABEL_ACTIONS.contains(action)) {
      problems.at(
          value,
          label
              + ": only \"labeled\" and \"unlabeled\" events name a label, not "
              + Words.quote(action));
      return false;
    }
    return true;
  }

  private Optional<Trigger> command(RawMission.RawCommand raw, int n) {
    String label = "trigger " + n + " \"command\"";
    if (!Names.checkName(raw.command(), label, problems)) {
      return Optional.empty();
    }
    Trigger.OnCommand trigger = new Trigger.OnCommand(raw.command().value());
    return once(trigger.describe(), raw.command(), label) ? Optional.of(trigger) : Optional.empty();
  }

  /** Reports a trigger written twice; true when this is its first appearance. */
  private boolean once(String key, Located<String> where, String label) {
    return once(key, key, where, label);
  }

  /** Like {@link #once(String, Located, String)}, showing {@code shown} for the trigger. */
  private boolean once(String key, String shown, Located<String> where, String label) {
    Located<?> first = seen.putIfAbsent(key, where);
    if (first == null) {
      return true;
    }
    problems.at(
        where,
        label + ": " + Words.quote(shown) + " is listed twice (first at " + first.position() + ")");
    return false;
  }
}
