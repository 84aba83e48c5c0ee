package dev.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PushedPathsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode push(String ref, String kind, String... paths) {
    ObjectNode p = JSON.createObjectNode();
    p.put("ref", ref);
    p.putObject("repository").put("full_name", "octo/widgets").put("default_branch", "main");
    ArrayNode list = p.putArray("commits").addObject().putArray(kind);
    for (String path : paths) {
      list.add(path);
    }
    return p;
  }

  @Test
  void tellsTheConfigurationFromTheMissions() {
    assertThat(PushedPaths.of(push("refs/heads/main", "modified", ".github/agent.yml")))
        .isEqualTo(new PushedPaths(true, false));
    assertThat(
            PushedPaths.of(
                push("refs/heads/main", "removed", ".github/agent/missions/welcome.yml")))
        .isEqualTo(new PushedPaths(false, true));
    assertThat(
            PushedPaths.of(
                push(
                    "refs/heads/main",
                    "added",
                    "README.md",
                    ".github/agent.yml",
                    ".github/agent/x")))
        .isEqualTo(new PushedPaths(true, true));
    assertThat(PushedPaths.of(push("refs/heads/main", "added", ".github/workflows/ci.yml")))
        .isEqualTo(new PushedPaths(false, false));
  }

  @Test
  void onlyTheDefaultBranchCounts() {
    assertThat(PushedPaths.of(push("refs/heads/feature", "modified", ".github/agent.yml")))
        .isEqualTo(new PushedPaths(false, false));
    assertThat(PushedPaths.of(push("refs/tags/main", "modified", ".github/agent.yml")))
        .isEqualTo(new PushedPaths(false, false));
  }

  @Test
  void aForcedPushMayHaveDroppedCommitsSoItTouchesBoth() {
    ObjectNode forced = push("refs/heads/main", "modified", "src/App.java");
    forced.put("forced", true);
    assertThat(PushedPaths.of(forced)).isEqualTo(new PushedPaths(true, true));
  }
}
