package dev.orchestrator.schedule;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.Priority;
import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunStatus;
import java.util.Optional;

/**
 * The run a due slot starts: the mission's default arguments, the mission's priority (no human
 * asked, so it is not raised), the slot's idempotency key, and an event of our own making that says
 * which schedule fired for which repository.
 */
public final class ScheduledRuns {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ScheduledRuns() {}

  /**
   * The run for {@code due}: QUEUED for the server's workers, or RUNNING for a process that
   * executes it at once; {@code requestedBy} names who took the slot. {@code installationId} is the
   * App's installation on the slot's repository, which the queue's capacity, the breaker and the
   * LLM budget count the run under; 0 when there is none to know (token mode) or it could not be
   * read, and then the gateway finds the installation when the run acts.
   */
  public static NewRun of(DueSlot due, RunStatus status, String requestedBy, long installationId) {
    Mission m = due.mission();
    ObjectNode arguments = JSON.objectNode();
    m.defaultArguments().forEach(arguments::set);
    return new NewRun(
        m.name(),
        m.planner().label(),
        installationId,
        Optional.of(due.slot().repository()),
        Optional.empty(),
        Optional.empty(),
        trigger(due),
        Optional.of(requestedBy),
        Optional.of(due.slot().idempotencyKey()),
        status,
        priority(m.priority()),
        false,
        arguments.toString(),
        Optional.of(event(due).toString()));
  }

  /** The stored trigger: {@code schedule:<cron>}. */
  static String trigger(DueSlot due) {
    return "schedule:" + due.schedule().cron().expression();
  }

  static int priority(Priority p) {
    return p == Priority.HIGH
        ? NewRun.PRIORITY_HIGH
        : p == Priority.LOW ? NewRun.PRIORITY_LOW : NewRun.PRIORITY_NORMAL;
  }

  /**
   * {@code ${event.*}} of a scheduled run: {@code schedule}, {@code timezone}, {@code slot} (ISO
   * instant) and {@code repository} with {@code full_name}, {@code name} and {@code owner.login},
   * the fields by which tools and missions find the repository in webhook payloads.
   */
  public static ObjectNode event(DueSlot due) {
    ObjectNode event = JSON.objectNode();
    event.put("schedule", due.schedule().cron().expression());
    event.put("timezone", due.schedule().zone().getId());
    event.put("slot", due.slot().start().toString());
    String full = due.slot().repository();
    ObjectNode repository = event.putObject("repository");
    repository.put("full_name", full);
    repository.put("name", full.substring(full.indexOf('/') + 1));
    repository.putObject("owner").put("login", full.substring(0, full.indexOf('/')));
    return event;
  }
}
