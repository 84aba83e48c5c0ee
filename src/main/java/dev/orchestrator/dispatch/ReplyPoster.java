package dev.orchestrator.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.github.GitHubResult;
import dev.orchestrator.github.Repo;
import dev.orchestrator.report.Markdown;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a comment's one reply, carrying {@code <!-- agent-reply:<delivery>:<line> -->}. When the
 * delivery is being dispatched again after a crash, the marker is looked up first, so the reply is
 * never posted twice.
 */
final class ReplyPoster {
  private static final Logger LOG = LoggerFactory.getLogger(ReplyPoster.class);

  private final GitHubGateway gateway;

  ReplyPoster(GitHubGateway gateway) {
    this.gateway = gateway;
  }

  static String marker(String deliveryId, int line) {
    return "<!-- agent-reply:" + deliveryId + ":" + line + " -->";
  }

  void post(
      Repo repo, JsonNode payload, String deliveryId, int line, String markdown, boolean retry) {
    int issue = payload.path("issue").path("number").asInt();
    String marker = marker(deliveryId, line);
    if (retry) {
      GitHubResult<Optional<dev.orchestrator.github.Comment>> existing =
          gateway.findCommentByMarker(repo, issue, marker);
      if (existing.isOk() && existing.orElseThrow().isPresent()) {
        return;
      }
    }
    String mention = "@" + payload.path("sender").path("login").asText() + " ";
    String body =
        Markdown.fit(mention + markdown, Markdown.COMMENT_LIMIT - marker.length() - 2)
            + "\n\n"
            + marker;
    GitHubResult<?> r = gateway.createComment(repo, issue, body);
    if (!r.isOk()) {
      LOG.warn("delivery={} replying on \"{}#{}\": {}", deliveryId, repo, issue, r.describe());
    }
  }
}
