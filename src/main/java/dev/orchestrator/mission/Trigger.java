package dev.orchestrator.mission;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What starts a mission besides {@code /agent run <name>}: a webhook event or a command. */
public sealed interface Trigger permits Trigger.OnEvent, Trigger.OnCommand {

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
}
