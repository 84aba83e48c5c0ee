package dev.orchestrator.dispatch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a {@code push} payload says about a repository's agent files on its default branch: whether
 * {@code .github/agent.yml} (or another {@code .github/agent*} file) and whether {@code
 * .github/agent/} (the missions) may have changed. A forced push may have dropped commits that no
 * longer appear in it, so it counts as touching both.
 *
 * @param config {@code .github/agent*} outside {@code .github/agent/}
 * @param missions anything under {@code .github/agent/}
 */
record PushedPaths(boolean config, boolean missions) {
  private static final String MISSIONS = ".github/agent/";
  private static final String AGENT = ".github/agent";

  static PushedPaths of(JsonNode push) {
    String ref = push.path("ref").asText();
    String defaultBranch = push.path("repository").path("default_branch").asText();
    if (defaultBranch.isEmpty() || !ref.equals("refs/heads/" + defaultBranch)) {
      return new PushedPaths(false, false);
    }
    if (push.path("forced").asBoolean(false)) {
      return new PushedPaths(true, true);
    }
    boolean config = false;
    boolean missions = false;
    for (JsonNode commit : push.path("commits")) {
      for (String kind : new String[] {"added", "modified", "removed"}) {
        for (JsonNode path : commit.path(kind)) {
          String p = path.asText();
          missions |= p.startsWith(MISSIONS);
          config |= p.startsWith(AGENT) && !p.startsWith(MISSIONS);
        }
      }
    }
    return new PushedPaths(config, missions);
  }
}
