package dev.orchestrator.fakegithub.state;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A repository's issue and pull-request comments, by id (ids grow, so id order is time order). */
public final class Comments {
  private final Ids ids;
  private final Clock clock;
  private final Map<Long, Comment> byId = new TreeMap<>();

  Comments(Ids ids, Clock clock) {
    this.ids = ids;
    this.clock = clock;
  }

  /** Adds a comment by {@code author} now. */
  public synchronized Comment add(int issueNumber, Actor author, String body) {
    Instant now = clock.instant();
    Comment comment = new Comment(ids.next(), issueNumber, body, author, now, now);
    byId.put(comment.id(), comment);
    return comment;
  }

  /** The comment with that id. */
  public synchronized Optional<Comment> find(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The comments on one issue or pull request, oldest first. */
  public synchronized List<Comment> on(int issueNumber) {
    return byId.values().stream().filter(c -> c.issueNumber() == issueNumber).toList();
  }

  /** Every comment in the repository, oldest first. */
  public synchronized List<Comment> all() {
    return List.copyOf(byId.values());
  }

  /** Replaces a comment's body now; empty when there is no such comment. */
  public synchronized Optional<Comment> edit(long id, String body) {
    Comment current = byId.get(id);
    if (current == null) {
      return Optional.empty();
    }
    Comment next = current.edited(body, clock.instant());
    byId.put(id, next);
    return Optional.of(next);
  }
}
