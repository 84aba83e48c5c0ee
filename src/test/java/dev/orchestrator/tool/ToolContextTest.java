package dev.orchestrator.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolContextTest {
  private static final HealthPort HEALTH = lookback -> TestJson.parse("{}");

  @Test
  void theOutputMarkerNamesRunAndStep() {
    ToolContext ctx = ToolContext.offline(42, null, true, HEALTH);
    assertThat(ctx.outputMarker(new ToolCall("post_comment", null, 3)))
        .isEqualTo("<!-- agent-out:42:3 -->");
  }

  @Test
  void theRepositoryMustBeOwnerSlashRepo() {
    assertThatThrownBy(
            () -> new ToolContext(1, Optional.of("octo"), null, false, new RecordingPort(), HEALTH))
        .hasMessage("repository must be \"owner/repo\", found \"octo\"");
    assertThat(
            new ToolContext(
                    1, Optional.of("mona_corp/my.repo-1"), null, false, new RecordingPort(), HEALTH)
                .event()
                .isObject())
        .isTrue();
  }

  @Test
  void aMalformedPayloadRepositoryIsIgnored() {
    assertThat(ToolContext.repositoryOf(TestJson.parse("{\"repository\": {\"full_name\": 7}}")))
        .isEmpty();
    assertThat(
            ToolContext.repositoryOf(
                TestJson.parse("{\"repository\": {\"full_name\": \"a/b/../c\"}}")))
        .isEmpty();
  }
}
