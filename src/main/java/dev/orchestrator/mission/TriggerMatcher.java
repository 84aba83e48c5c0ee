package dev.orchestrator.mission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which missions an event starts: pure, from the event, its action and its payload. */
public final class TriggerMatcher {
  private TriggerMatcher() {}

  /** The missions of {@code catalog} with an event trigger matching this delivery. */
  public static List<Mission> matching(
      MissionCatalog catalog, String event, String action, JsonNode payload) {
    return matching(catalog.missions(), event, action, payload);
  }

  /** The {@code missions} with an event trigger matching this delivery, in their order. */
  public static List<Mission> matching(
      List<Mission> missions, String event, String action, JsonNode payload) {
    List<Mission> out = new ArrayList<>();
    for (Mission m : missions) {
      for (Trigger.OnEvent t : m.eventTriggers()) {
        if (matches(t, event, action, payload)) {
          out.add(m);
          break;
        }
      }
    }
    return out;
  }

  /**
   * Could any mission trigger on {@code event.action}? The loader accepts only these, so other
   * events need not be compared with any repository's missions.
   */
  public static boolean triggerable(String event, String action) {
    return WebhookEvents.actions(event).map(a -> a.contains(action)).orElse(false);
  }

  /** Event and action equal, and every condition holds on the payload. */
  public static boolean matches(Trigger.OnEvent t, String event, String action, JsonNode payload) {
    if (!t.event().equals(event) || !t.action().equals(action)) {
      return false;
    }
    for (Map.Entry<String, String> c : t.conditions().entrySet()) {
      if (c.getKey().equals("label")) {
        if (!c.getValue().equals(payload.path("label").path("name").asText(null))) {
          return false;
        }
      } else {
        return false; // a condition we cannot evaluate never matches
      }
    }
    return true;
  }
}
