package dev.orchestrator.fakegithub.state;

import java.time.Instant;

/**
 * An issue or pull-request comment.
 *
 * @param id comment id
 * @param issueNumber the issue or pull request it is on
 * @param body markdown body
 * @param author who wrote it ({@code <app-slug>[bot]} for comments made with an installation token)
 * @param createdAt creation time
 * @param updatedAt last edit
 */
public record Comment(
    long id, int issueNumber, String body, Actor author, Instant createdAt, Instant updatedAt) {

  /** A copy with a new body, edited at {@code now}. */
  public Comment edited(String newBody, Instant now) {
    return new Comment(id, issueNumber, newBody, author, createdAt, now);
  }
}
