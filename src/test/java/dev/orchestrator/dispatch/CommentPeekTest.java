package dev.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher settles comments without a command from a glance at two fields; the glance must
 * see exactly what the full tree holds, whatever the body's characters and however they are
 * escaped, or a command would be ignored.
 */
class CommentPeekTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsTheBodyAndNumberOfGitHubsExamplePayloads() throws IOException {
    for (String name :
        new String[] {
          "issue_comment.created.json",
          "issue_comment.created.2.json",
          "issue_comment.created.3.json",
          "issue_comment.created.4.json",
          "issue_comment.created.5.json"
        }) {
      byte[] payload = Files.readAllBytes(Path.of("src/test/resources/payloads", name));
      JsonNode tree = JSON.readTree(payload);

      Optional<CommentPeek.Seen> seen = CommentPeek.of(payload);

      assertThat(seen).as(name).isPresent();
      assertThat(seen.get().body()).as(name).isEqualTo(tree.path("comment").path("body").asText());
      assertThat(seen.get().issueNumber())
          .as(name)
          .isEqualTo(tree.path("issue").path("number").asInt());
    }
  }

  @Test
  void anEscapedCommandIsStillACommand() {
    byte[] escaped =
        "{\"comment\":{\"body\":\"please \\/AGENT run triage\"},\"issue\":{\"number\":7}}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] unicode =
        "{\"comment\":{\"body\":\"\\u002fagent help\"},\"issue\":{\"number\":7}}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(CommentPeek.of(escaped).orElseThrow().withoutCommand()).isFalse();
    assertThat(CommentPeek.of(unicode).orElseThrow().withoutCommand()).isFalse();
    assertThat(CommentPeek.of(escaped).orElseThrow().issueNumber()).isEqualTo(7);
  }

  @Test
  void anUnexpectedShapeLeavesTheDecisionToTheFullRead() {
    assertThat(CommentPeek.of(bytes("{\"comment\":{\"body\":null}}"))).isEmpty();
    assertThat(CommentPeek.of(bytes("{\"comment\":\"text\"}"))).isEmpty();
    assertThat(CommentPeek.of(bytes("[1,2]"))).isEmpty();
    assertThat(CommentPeek.of(bytes("{\"comment\":{\"body\":\"x\"}"))).isEmpty(); // truncated
    assertThat(
            CommentPeek.of(bytes("{\"comment\":{\"body\":\"hi\"},\"issue\":{\"number\":\"3\"}}")))
        .contains(new CommentPeek.Seen("hi", 0));
  }

  @Property
  void seesWhatTheTreeHolds(@ForAll String body, @ForAll int number, @ForAll String noise) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("action", "created");
    payload.putObject("issue").put("title", noise).put("number", number);
    payload.putObject("comment").put("body", body).putObject("user").put("login", noise);
    payload.putArray("labels").add(noise).addObject().put("body", noise);

    CommentPeek.Seen seen =
        CommentPeek.of(payload.toString().getBytes(StandardCharsets.UTF_8)).orElseThrow();

    assertThat(seen.body()).isEqualTo(body);
    assertThat(seen.issueNumber()).isEqualTo(number);
    assertThat(seen.withoutCommand()).isEqualTo(!body.toLowerCase(Locale.ROOT).contains("/agent"));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
