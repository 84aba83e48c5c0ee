package dev.orchestrator.feedback;

import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.github.GitHubResult;
import dev.orchestrator.github.Reaction;
import dev.orchestrator.github.Repo;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reaction lifecycle on a triggering comment: 👀 when accepted, then 👍, 👎 or 😕 and 👀
 * removed. Best effort: a failed reaction is logged, never fails the command or the run.
 */
public final class Reactions {
  public static final String EYES = "eyes";
  public static final String DONE = "+1";
  public static final String FAILED = "-1";
  public static final String CONFUSED = "confused";
  public static final String ROCKET = "rocket";

  private static final Logger LOG = LoggerFactory.getLogger(Reactions.class);

  private final GitHubGateway gateway;

  public Reactions(GitHubGateway gateway) {
    this.gateway = gateway;
  }

  /** Adds a reaction; its id when GitHub answered. */
  public Optional<Long> add(Repo repo, long commentId, String content, String context) {
    GitHubResult<Reaction> r = gateway.createReaction(repo, commentId, content);
    if (!r.isOk()) {
      LOG.warn(
          "{}: adding {} to comment {} on \"{}\": {}",
          context,
          content,
          commentId,
          repo,
          r.describe());
      return Optional.empty();
    }
    return Optional.of(r.orElseThrow().id());
  }

  /** Removes a reaction we added. */
  public void remove(Repo repo, long commentId, Optional<Long> reactionId, String context) {
    if (reactionId.isEmpty()) {
      return;
    }
    GitHubResult<?> r = gateway.deleteReaction(repo, commentId, reactionId.get());
    if (!r.isOk()) {
      LOG.warn(
          "{}: removing reaction {} from comment {} on \"{}\": {}",
          context,
          reactionId.get(),
          commentId,
          repo,
          r.describe());
    }
  }

  /** The final reaction, then 👀 removed. */
  public void finish(
      Repo repo, long commentId, String content, Optional<Long> eyes, String context) {
    add(repo, commentId, content, context);
    remove(repo, commentId, eyes, context);
  }
}
