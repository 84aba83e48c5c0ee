package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tool call came to: a closed set of outcomes. Expected failures (bad arguments, GitHub
 * refusing, no credentials) are values here; bugs are unchecked exceptions.
 *
 * <p>{@link #toJson()} is the transcript's {@code result}: {@code {"ok": true, "output": ...}} or
 * {@code {"ok": false, "error": {"class": ..., "message": ...}}}.
 */
public sealed interface ToolResult permits ToolResult.Success, ToolResult.Failure {

  /** True when the run may go on: the call succeeded or was recorded instead of sent. */
  boolean ok();

  /** True for a write recorded instead of sent (dry run, or offline). */
  default boolean recorded() {
    return false;
  }

  /**
   * True when the failure came from infrastructure (GitHub 5xx or timeouts, rate limits), the kind
   * the mission circuit breaker counts.
   */
  default boolean infrastructure() {
    return false;
  }

  /** What later steps see as {@code steps.<id>.output}; a missing node when the call failed. */
  JsonNode output();

  /** The error class of a failure or refusal ({@link ErrorClasses}); empty when ok. */
  Optional<String> failureClass();

  /** One line for people: the failure message, or a short note of success. */
  String summary();

  /** The transcript shape {@code {ok, output | error{class, message}}}. */
  JsonNode toJson();

  /** A successful call and what it returned. */
  static ToolResult ok(JsonNode output) {
    return new Ok(output);
  }

  /** An expected failure that is not the infrastructure's fault. */
  static ToolResult failed(String errorClass, String message) {
    return new Failed(errorClass, message, false);
  }

  /** A failure of the infrastructure (counted by the mission circuit breaker). */
  static ToolResult infrastructureFailure(String errorClass, String message) {
    return new Failed(errorClass, message, true);
  }

  /** A call the run may go on from: it succeeded, or was recorded instead of sent. */
  sealed interface Success extends ToolResult permits Ok, Recorded {
    @Override
    default boolean ok() {
      return true;
    }

    @Override
    default Optional<String> failureClass() {
      return Optional.empty();
    }

    /** {@code {"ok": true, "output": ...}}. */
    @Override
    default JsonNode toJson() {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      json.put("ok", true);
      json.set("output", output());
      return json;
    }
  }

  /** A call that failed, was refused or was put off: it has no output, only an error. */
  sealed interface Failure extends ToolResult permits Failed, Refused, Deferred {
    @Override
    default boolean ok() {
      return false;
    }

    @Override
    default JsonNode output() {
      return MissingNode.getInstance();
    }

    /** {@code {"ok": false, "error": {"class": ..., "message": ...}}}. */
    @Override
    default JsonNode toJson() {
      return errorJson(failureClass().orElseThrow(), summary());
    }
  }

  /** The call succeeded; {@code output} is what it returned (GitHub's JSON for most tools). */
  record Ok(JsonNode output) implements Success {
    public Ok {
      Objects.requireNonNull(output, "output");
    }

    @Override
    public String summary() {
      return "ok";
    }
  }

  /**
   * The call failed; {@code errorClass} is a short snake_case class ({@link ErrorClasses}) that
   * {@code explain} maps to a remedy, {@code message} says what happened with the values quoted.
   */
  record Failed(String errorClass, String message, boolean infrastructure) implements Failure {
    public Failed {
      Objects.requireNonNull(errorClass, "errorClass");
      Objects.requireNonNull(message, "message");
      if (errorClass.isBlank()) {
        throw new IllegalArgumentException("a failed tool result needs an error class");
      }
    }

    @Override
    public Optional<String> failureClass() {
      return Optional.of(errorClass);
    }

    @Override
    public String summary() {
      return message;
    }
  }

  /**
   * A write or destructive call that was not sent (dry run, or no credentials); {@code wouldSend}
   * is the request it would have made ({@code {method, path, body?}}).
   */
  record Recorded(JsonNode wouldSend) implements Success {
    public Recorded {
      Objects.requireNonNull(wouldSend, "wouldSend");
    }

    @Override
    public boolean recorded() {
      return true;
    }

    /** {@code {"recorded": true, "would_send": ...}}. */
    @Override
    public JsonNode output() {
      ObjectNode output = JsonNodeFactory.instance.objectNode();
      output.put("recorded", true);
      output.set("would_send", wouldSend);
      return output;
    }

    @Override
    public String summary() {
      return "recorded, not sent: "
          + wouldSend.path("method").asText("?")
          + " "
          + wouldSend.path("path").asText("?");
    }
  }

  /** The tool refused the call for safety (a secret-looking path, a cross-repository search). */
  record Refused(String reason) implements Failure {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Optional<String> failureClass() {
      return Optional.of(ErrorClasses.REFUSED);
    }

    @Override
    public String summary() {
      return reason;
    }
  }

  /**
   * The call was not made: GitHub's rate limit (or the governor's pacing) makes the installation's
   * lane wait until {@code notBefore}, longer than a worker should be held. Nothing happened on
   * GitHub, so the same call may be made again from then on, writes included; the runtime puts the
   * run back in the queue until then instead of failing it.
   */
  record Deferred(Instant notBefore, String reason) implements Failure {
    /** The class {@code explain} and the transcript give a deferred call. */
    public static final String ERROR_CLASS = "rate_limited";

    public Deferred {
      Objects.requireNonNull(notBefore, "notBefore");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Optional<String> failureClass() {
      return Optional.of(ERROR_CLASS);
    }

    @Override
    public String summary() {
      return reason + "; deferred until " + notBefore;
    }

    /** The error shape with {@code deferred: true} and {@code not_before}. */
    @Override
    public JsonNode toJson() {
      ObjectNode json = (ObjectNode) errorJson(ERROR_CLASS, reason);
      json.put("deferred", true);
      json.put("not_before", notBefore.toString());
      return json;
    }
  }

  private static JsonNode errorJson(String errorClass, String message) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("ok", false);
    ObjectNode error = json.putObject("error");
    error.put("class", errorClass);
    error.put("message", message);
    return json;
  }
}
