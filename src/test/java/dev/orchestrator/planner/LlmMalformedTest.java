package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakemodel.Reply;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.runtime.ApprovalDecider;
import dev.orchestrator.runtime.RunExecutor;
import dev.orchestrator.runtime.RunOutcome;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of broken answer fails the run with a clear class and message, never a crash. */
class LlmMalformedTest {
  @TempDir Path dir;
  private LlmHarness h;
  private final Mission m =
      LlmHarness.mission(
          "name: reader\ndescription: d\ngoal: Say what the issue is about.\nplanner: llm\n"
              + "allowed_tools: [get_issue]\n");

  @BeforeEach
  void open() {
    h = new LlmHarness(dir);
  }

  @AfterEach
  void close() {
    h.close();
  }

  private static Reply withMessage(ObjectNode message, String finish) {
    return Reply.completion(message, finish, 300, 7);
  }

  private static ObjectNode callWith(String name, String arguments) {
    ObjectNode msg = Reply.message(null);
    ObjectNode call = msg.putArray("tool_calls").addObject();
    call.put("id", "call_x");
    call.put("type", "function");
    call.putObject("function").put("name", name).put("arguments", arguments);
    return msg;
  }

  static Stream<Arguments> answers() {
    ObjectNode noChoices = (ObjectNode) LlmHarness.read(Reply.answer("x", 300, 7).body());
    noChoices.putArray("choices");
    ObjectNode noUsage = (ObjectNode) LlmHarness.read(Reply.answer("x", 300, 7).body());
    noUsage.remove("usage");
    ObjectNode noId = callWith("get_issue", "{\"number\":2}");
    ((ObjectNode) noId.get("tool_calls").get(0)).remove("id");
    ObjectNode refused = Reply.message(null);
    refused.put("refusal", "I can't help with that.");
    return Stream.of(
        Arguments.of(
            "not JSON",
            Reply.raw(200, "<html>502 Bad Gateway</html>"),
            "llm_malformed",
            "not a JSON object",
            0),
        Arguments.of("empty body", Reply.raw(200, ""), "llm_malformed", "not a JSON object", 0),
        Arguments.of(
            "arguments not JSON",
            withMessage(callWith("get_issue", "{\"number\": 2"), "tool_calls"),
            "llm_malformed",
            "function.arguments is not a JSON object",
            307),
        Arguments.of(
            "arguments not an object",
            withMessage(callWith("get_issue", "[2]"), "tool_calls"),
            "llm_malformed",
            "function.arguments is not a JSON object",
            307),
        Arguments.of(
            "unknown tool",
            withMessage(callWith("delete_repository", "{}"), "tool_calls"),
            "llm_malformed",
            "calls unknown tool \"delete_repository\"",
            307),
        Arguments.of(
            "a call without id",
            withMessage(noId, "tool_calls"),
            "llm_malformed",
            "has no id",
            307),
        Arguments.of(
            "empty choices", Reply.json(200, noChoices), "llm_malformed", "no choices", 307),
        Arguments.of("no usage", Reply.json(200, noUsage), "llm_malformed", "no usage", 0),
        Arguments.of(
            "an error object with 200",
            Reply.json(
                200,
                (ObjectNode)
                    LlmHarness.read(
                        Reply.error(200, "server_error", null, "The model is overloaded").body())),
            "llm_error",
            "The model is overloaded",
            0),
        Arguments.of("a refusal", withMessage(refused, "stop"), "llm_refused", "I can't help", 307),
        Arguments.of(
            "a filtered answer",
            withMessage(Reply.message(null), "content_filter"),
            "llm_refused",
            "content filter",
            307),
        Arguments.of(
            "a bad request",
            Reply.error(400, "invalid_request_error", "context_length_exceeded", "too long"),
            "llm_error",
            "400: context_length_exceeded: \"too long\"",
            0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void failsTheRunCleanly(
      String what, Reply reply, String errorClass, String message, long tokens) {
    h.model.then(reply);
    RunRecord run = h.start(m, LlmHarness.commandOnPull("reader", "Crash", "It crashes"), false);

    RunExecutor.Result r = h.execute(m, run, ApprovalDecider.pending());

    assertThat(r.outcome()).isInstanceOf(RunOutcome.Failed.class);
    RunOutcome.Failed f = (RunOutcome.Failed) r.outcome();
    assertThat(f.errorClass()).isEqualTo(errorClass);
    assertThat(f.message()).contains(message);
    assertThat(f.infrastructure()).isFalse();
    RunRecord stored = h.reload(run.id());
    assertThat(stored.status()).isEqualTo(RunStatus.FAILED);
    assertThat(stored.errorClass()).contains(errorClass);
    assertThat(stored.tokenUsage())
        .as("tokens of an answer with usage still count")
        .isEqualTo(tokens);
    assertThat(h.github.calls).isEmpty();
    assertThat(h.model.requests()).hasSize(1);
  }
}
