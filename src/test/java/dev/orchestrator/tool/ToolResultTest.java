package dev.orchestrator.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToolResultTest {

  @Test
  void okCarriesItsOutput() {
    ToolResult ok = ToolResult.ok(TestJson.parse("{\"number\": 1}"));
    assertThat(ok.ok()).isTrue();
    assertThat(ok.recorded()).isFalse();
    assertThat(ok.failureClass()).isEmpty();
    assertThat(ok.output()).isEqualTo(TestJson.parse("{\"number\": 1}"));
    assertThat(ok.toJson())
        .isEqualTo(TestJson.parse("{\"ok\": true, \"output\": {\"number\": 1}}"));
  }

  @Test
  void failedCarriesClassAndMessage() {
    ToolResult failed = ToolResult.infrastructureFailure("github_unavailable", "502 from GitHub");
    assertThat(failed.ok()).isFalse();
    assertThat(failed.infrastructure()).isTrue();
    assertThat(failed.failureClass()).contains("github_unavailable");
    assertThat(failed.output().isMissingNode()).isTrue();
    assertThat(failed.summary()).isEqualTo("502 from GitHub");
    assertThat(failed.toJson())
        .isEqualTo(
            TestJson.parse(
                "{\"ok\": false, \"error\": {\"class\": \"github_unavailable\","
                    + " \"message\": \"502 from GitHub\"}}"));
    assertThat(ToolResult.failed("offline", "x").infrastructure()).isFalse();
  }

  @Test
  void recordedIsOkAndShowsWhatWouldBeSent() {
    ToolResult recorded =
        new ToolResult.Recorded(TestJson.parse("{\"method\": \"POST\", \"path\": \"/p\"}"));
    assertThat(recorded.ok()).isTrue();
    assertThat(recorded.recorded()).isTrue();
    assertThat(recorded.summary()).isEqualTo("recorded, not sent: POST /p");
    assertThat(recorded.toJson())
        .isEqualTo(
            TestJson.parse(
                "{\"ok\": true, \"output\": {\"recorded\": true,"
                    + " \"would_send\": {\"method\": \"POST\", \"path\": \"/p\"}}}"));
  }

  @Test
  void refusedIsAFailureOfClassRefused() {
    ToolResult refused = new ToolResult.Refused("no secrets");
    assertThat(refused.ok()).isFalse();
    assertThat(refused.infrastructure()).isFalse();
    assertThat(refused.toJson())
        .isEqualTo(
            TestJson.parse(
                "{\"ok\": false, \"error\": {\"class\": \"refused\", \"message\": \"no secrets\"}}"));
  }

  @Test
  void aFailureNeedsAClass() {
    assertThatThrownBy(() -> ToolResult.failed(" ", "m"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCallWithoutArgumentsHasAnEmptyObject() {
    ToolCall call = new ToolCall("get_health", null, 0);
    assertThat(call.arguments().isObject()).isTrue();
    assertThat(call.toJson())
        .isEqualTo(TestJson.parse("{\"name\": \"get_health\", \"arguments\": {}}"));
  }
}
