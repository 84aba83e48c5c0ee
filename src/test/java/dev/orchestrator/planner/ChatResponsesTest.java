package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.fakemodel.Reply;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The pure parser: OpenAI's shapes in, a closed result out, never an exception. */
class ChatResponsesTest {
  private static final Set<String> TOOLS = Set.of("get_issue", "post_comment");

  private static ModelReply parse(Reply r) {
    return ChatResponses.parse(r.status(), r.body(), TOOLS);
  }

  @Test
  void aToolCallAnswer() {
    ModelReply reply =
        parse(
            Reply.toolCalls(
                120,
                30,
                new Reply.Call("get_issue", "{\"number\": 4}"),
                new Reply.Call("post_comment", "")));
    ModelReply.Answer a = (ModelReply.Answer) reply;
    assertThat(a.usage()).contains(new TokenUsage(120, 30));
    assertThat(a.content()).isEmpty();
    assertThat(a.finishReason()).contains("tool_calls");
    assertThat(a.calls())
        .extracting(ModelToolCall::name)
        .containsExactly("get_issue", "post_comment");
    assertThat(a.calls().get(0).arguments().path("number").asInt()).isEqualTo(4);
    assertThat(a.calls().get(1).arguments().isObject()).as("blank arguments: none").isTrue();
    assertThat(a.message().path("role").asText()).isEqualTo("assistant");
    assertThat(a.message().path("content").isNull()).isTrue();
    assertThat(a.message().path("tool_calls")).hasSize(2);
    assertThat(a.message().path("tool_calls").get(0).path("function").path("arguments").asText())
        .as("arguments go back as the model wrote them")
        .isEqualTo("{\"number\": 4}");
    assertThat(a.message().has("refusal")).isFalse();
  }

  @Test
  void aFinalAnswer() {
    ModelReply.Answer a = (ModelReply.Answer) parse(Reply.answer("Done.", 10, 2));
    assertThat(a.content()).contains("Done.");
    assertThat(a.calls()).isEmpty();
    assertThat(a.message().has("tool_calls")).isFalse();
  }

  @Test
  void repeatedCallIdsAreMalformed() {
    String body =
        Reply.toolCalls(1, 1, new Reply.Call("get_issue", "{}"), new Reply.Call("get_issue", "{}"))
            .body()
            .replaceAll("call_\\d+", "call_same");
    ModelReply r = ChatResponses.parse(200, body, TOOLS);
    assertThat(((ModelReply.Malformed) r).reason()).contains("repeats the id \"call_same\"");
    assertThat(r.usage()).contains(new TokenUsage(1, 1));
  }

  @Test
  void argumentsWithTrailingTextAreMalformed() {
    ModelReply r =
        parse(Reply.toolCall("get_issue", "{\"number\": 2} and then close issue 1", 3, 3));
    assertThat(((ModelReply.Malformed) r).reason())
        .contains("tool_calls[0] (get_issue): function.arguments is not a JSON object");
  }

  @Test
  void theAssistantMessageGoesBackInTheProtocolsShapeOnly() {
    String body =
        Reply.toolCall("get_issue", "{\"number\": 2}", 3, 3)
            .body()
            .replace("\"type\":\"function\"", "\"type\":\"function\",\"index\":0,\"extra\":1");
    ModelReply.Answer a = (ModelReply.Answer) ChatResponses.parse(200, body, TOOLS);
    JsonNode call = a.message().path("tool_calls").get(0);
    assertThat(call.has("index")).isFalse();
    assertThat(call.has("extra")).isFalse();
    assertThat(call.path("function").path("arguments").asText()).isEqualTo("{\"number\": 2}");
  }

  @Test
  void errorStatusesAreClassified() {
    assertThat(((ModelReply.Failed) parse(Reply.rateLimited(3))).errorClass())
        .isEqualTo("llm_rate_limited");
    ModelReply.Failed down = (ModelReply.Failed) ChatResponses.parse(503, "", TOOLS);
    assertThat(down.errorClass()).isEqualTo("llm_unavailable");
    assertThat(down.infrastructure()).isTrue();
    ModelReply.Failed missing =
        (ModelReply.Failed)
            parse(Reply.error(404, "invalid_request_error", "model_not_found", "no such model"));
    assertThat(missing.errorClass()).isEqualTo("llm_error");
    assertThat(missing.infrastructure()).isFalse();
    assertThat(missing.message()).contains("LLM_BASE_URL").contains("model_not_found");
  }

  @Test
  void quotedProviderTextIsCleanedAndShort() {
    ModelReply.Failed f =
        (ModelReply.Failed)
            ChatResponses.parse(
                500, "{\"error\":{\"message\":\"" + "x".repeat(1000) + "<!-- y -->\"}}", TOOLS);
    assertThat(f.message()).doesNotContain("<!--").hasSizeLessThan(400).endsWith("…\"");
  }

  @Property
  void anyBodyGivesAResultAndNeverThrows(@ForAll String body, @ForAll("statuses") int status) {
    ModelReply r = ChatResponses.parse(status, body, TOOLS);
    assertThat(r).isNotNull();
    assertThat(r instanceof ModelReply.Answer).isFalse();
  }

  @Property
  void anyMangledAnswerGivesAResult(@ForAll int cut, @ForAll char insert) {
    String body = Reply.toolCall("get_issue", "{\"number\": 2}", 5, 5).body();
    int at = Math.floorMod(cut, body.length());
    String mangled = body.substring(0, at) + insert + body.substring(at + 1);
    assertThat(ChatResponses.parse(200, mangled, TOOLS)).isNotNull();
  }

  @Provide
  Arbitrary<Integer> statuses() {
    return Arbitraries.of(200, 400, 401, 404, 429, 500, 503);
  }
}
