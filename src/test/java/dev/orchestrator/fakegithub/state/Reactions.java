package dev.orchestrator.fakegithub.state;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reactions on a repository's issue comments. One user has at most one of each content. */
public final class Reactions {
  private final Ids ids;
  private final Clock clock;
  private final Map<Long, Reaction> byId = new TreeMap<>();

  Reactions(Ids ids, Clock clock) {
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * The outcome of adding a reaction.
   *
   * @param reaction the reaction now present
   * @param created false when the user had already reacted so (GitHub then answers 200, not 201)
   */
  public record Added(Reaction reaction, boolean created) {}

  /** Adds {@code user}'s reaction now, or finds the one they already gave. */
  public synchronized Added add(long commentId, Actor user, String content) {
    Optional<Reaction> existing =
        byId.values().stream()
            .filter(
                r ->
                    r.commentId() == commentId
                        && r.user().login().equalsIgnoreCase(user.login())
                        && r.content().equals(content))
            .findFirst();
    if (existing.isPresent()) {
      return new Added(existing.get(), false);
    }
    Reaction reaction = new Reaction(ids.next(), commentId, user, content, clock.instant());
    byId.put(reaction.id(), reaction);
    return new Added(reaction, true);
  }

  /** The reactions on a comment, oldest first. */
  public synchronized List<Reaction> on(long commentId) {
    return byId.values().stream().filter(r -> r.commentId() == commentId).toList();
  }

  /** Deletes a reaction of a comment; false when it is not there. */
  public synchronized boolean delete(long commentId, long reactionId) {
    Reaction reaction = byId.get(reactionId);
    if (reaction == null || reaction.commentId() != commentId) {
      return false;
    }
    byId.remove(reactionId);
    return true;
  }
}
