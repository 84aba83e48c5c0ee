package dev.orchestrator.fakegithub.state;

import java.time.Instant;
import java.util.List;

/**
 * A check run as the app created or last updated it.
 *
 * @param id check run id
 * @param name its name
 * @param headSha the commit it reports on
 * @param status {@code queued}, {@code in_progress} or {@code completed}
 * @param conclusion set once completed, else null
 * @param detailsUrl may be null
 * @param externalId may be null
 * @param startedAt may be null
 * @param completedAt may be null
 * @param output title, summary and text; fields may be null
 * @param actions the requested-action buttons
 */
public record CheckRun(
    long id,
    String name,
    String headSha,
    String status,
    String conclusion,
    String detailsUrl,
    String externalId,
    Instant startedAt,
    Instant completedAt,
    Output output,
    List<Action> actions) {

  /** Normalises the action list to an immutable copy. */
  public CheckRun {
    actions = List.copyOf(actions);
  }

  /**
   * The {@code output} object.
   *
   * @param title may be null
   * @param summary may be null
   * @param text may be null
   */
  public record Output(String title, String summary, String text) {
    /** No output given. */
    public static final Output NONE = new Output(null, null, null);
  }

  /**
   * A requested-action button.
   *
   * @param label button text (≤ 20 characters)
   * @param description ≤ 40 characters
   * @param identifier sent back in {@code check_run.requested_action} (≤ 20 characters)
   */
  public record Action(String label, String description, String identifier) {}
}
