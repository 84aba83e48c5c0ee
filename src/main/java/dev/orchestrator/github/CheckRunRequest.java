package dev.orchestrator.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a check-run create or update ({@code POST /repos/{owner}/{repo}/check-runs}, {@code
 * PATCH …/check-runs/{check_run_id}}). Absent fields are not sent. GitHub's limits are checked
 * here: breaking them is a bug of the caller, which must shorten first.
 */
public record CheckRunRequest(
    Optional<String> name,
    Optional<String> headSha,
    Optional<String> status,
    Optional<String> conclusion,
    Optional<String> detailsUrl,
    Optional<String> externalId,
    Optional<Instant> completedAt,
    Optional<Output> output,
    List<Action> actions) {
  public static final int MAX_OUTPUT = 65_535;
  public static final int MAX_ACTIONS = 3;

  /** {@code output}: title, summary and optional text (markdown). */
  public record Output(String title, String summary, Optional<String> text) {
    public Output {
      if (summary.length() > MAX_OUTPUT || text.map(String::length).orElse(0) > MAX_OUTPUT) {
        throw new IllegalArgumentException("check-run output over " + MAX_OUTPUT + " characters");
      }
    }
  }

  /** A button: label ≤ 20, description ≤ 40, identifier ≤ 20 characters. */
  public record Action(String label, String description, String identifier) {
    public Action {
      if (label.length() > 20 || description.length() > 40 || identifier.length() > 20) {
        throw new IllegalArgumentException(
            "check-run action \"" + label + "\" exceeds GitHub's limits");
      }
    }
  }

  public CheckRunRequest {
    actions = List.copyOf(actions);
    if (actions.size() > MAX_ACTIONS) {
      throw new IllegalArgumentException("at most " + MAX_ACTIONS + " check-run actions");
    }
  }

  /** A new check run of {@code name} on {@code headSha}, status {@code queued}. */
  public static CheckRunRequest create(String name, String headSha) {
    return new CheckRunRequest(
        Optional.of(name),
        Optional.of(headSha),
        Optional.of("queued"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  /** An update that changes nothing yet. */
  public static CheckRunRequest update() {
    return new CheckRunRequest(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  public CheckRunRequest status(String value) {
    return new CheckRunRequest(
        name,
        headSha,
        Optional.of(value),
        conclusion,
        detailsUrl,
        externalId,
        completedAt,
        output,
        actions);
  }

  /** Completes the run: GitHub sets {@code status} to completed when a conclusion is given. */
  public CheckRunRequest conclusion(String value, Instant at) {
    return new CheckRunRequest(
        name,
        headSha,
        Optional.of("completed"),
        Optional.of(value),
        detailsUrl,
        externalId,
        Optional.of(at),
        output,
        actions);
  }

  public CheckRunRequest detailsUrl(String value) {
    return new CheckRunRequest(
        name,
        headSha,
        status,
        conclusion,
        Optional.of(value),
        externalId,
        completedAt,
        output,
        actions);
  }

  public CheckRunRequest externalId(String value) {
    return new CheckRunRequest(
        name,
        headSha,
        status,
        conclusion,
        detailsUrl,
        Optional.of(value),
        completedAt,
        output,
        actions);
  }

  public CheckRunRequest output(Output value) {
    return new CheckRunRequest(
        name,
        headSha,
        status,
        conclusion,
        detailsUrl,
        externalId,
        completedAt,
        Optional.of(value),
        actions);
  }

  public CheckRunRequest actions(List<Action> value) {
    return new CheckRunRequest(
        name, headSha, status, conclusion, detailsUrl, externalId, completedAt, output, value);
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object();
    name.ifPresent(v -> o.put("name", v));
    headSha.ifPresent(v -> o.put("head_sha", v));
    status.ifPresent(v -> o.put("status", v));
    conclusion.ifPresent(v -> o.put("conclusion", v));
    detailsUrl.ifPresent(v -> o.put("details_url", v));
    externalId.ifPresent(v -> o.put("external_id", v));
    completedAt.ifPresent(v -> o.put("completed_at", v.toString()));
    output.ifPresent(
        out -> {
          ObjectNode n = o.putObject("output");
          n.put("title", out.title());
          n.put("summary", out.summary());
          out.text().ifPresent(t -> n.put("text", t));
        });
    if (!actions.isEmpty()) {
      ArrayNode a = o.putArray("actions");
      for (Action action : actions) {
        a.addObject()
            .put("label", action.label())
            .put("description", action.description())
            .put("identifier", action.identifier());
      }
    }
    return o;
  }
}
