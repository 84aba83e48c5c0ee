package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a tool may see of its run: the run's repository, the triggering event, whether the run is a
 * dry run, and the ports through which it reaches GitHub and the health report.
 *
 * @param runId the run's id (it goes into the {@code agent-out} marker of posted comments)
 * @param repository {@code owner/repo} of the run, when known
 * @param event the triggering webhook payload; an empty object when there is none
 * @param dryRun true: write and destructive tools record what they would send and send nothing
 * @param repositoryPort GitHub for this repository, or {@link OfflineRepository}
 * @param healthPort the health of recent runs
 */
public record ToolContext(
    long runId,
    Optional<String> repository,
    JsonNode event,
    boolean dryRun,
    RepositoryPort repositoryPort,
    HealthPort healthPort) {
  private static final Pattern FULL_NAME =
      Pattern.compile("(?!\\.{1,2}/)[A-Za-z0-9_.-]+/(?!\\.{1,2}$)[A-Za-z0-9_.-]+");

  public ToolContext {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(repositoryPort, "repositoryPort");
    Objects.requireNonNull(healthPort, "healthPort");
    if (event == null || event.isMissingNode() || event.isNull()) {
      event = JsonNodeFactory.instance.objectNode();
    }
    repository.ifPresent(
        name -> {
          if (!FULL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                "repository must be \"owner/repo\", found \"" + name + "\"");
          }
        });
  }

  /**
   * A context for a run without GitHub credentials: the repository is taken from the payload's
   * {@code repository.full_name} when it has one, and reads and writes go to an {@link
   * OfflineRepository} over the payload.
   */
  public static ToolContext offline(
      long runId, JsonNode event, boolean dryRun, HealthPort healthPort) {
    Optional<String> repository = repositoryOf(event);
    return new ToolContext(
        runId, repository, event, dryRun, new OfflineRepository(repository, event), healthPort);
  }

  /** The payload's {@code repository.full_name}, when it is a well-formed {@code owner/repo}. */
  public static Optional<String> repositoryOf(JsonNode event) {
    if (event == null) {
      return Optional.empty();
    }
    JsonNode name = event.path("repository").path("full_name");
    return name.isTextual() && FULL_NAME.matcher(name.asText()).matches()
        ? Optional.of(name.asText())
        : Optional.empty();
  }

  /**
   * The hidden marker a comment posted by {@code call} carries: {@code <!-- agent-out:42:3 -->}.
   */
  public String outputMarker(ToolCall call) {
    return "<!-- agent-out:" + runId + ":" + call.index() + " -->";
  }
}
