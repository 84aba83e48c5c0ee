package dev.orchestrator.fakegithub.state;

import java.time.Instant;

/**
 * A reaction on an issue comment.
 *
 * @param id reaction id
 * @param commentId the comment it is on
 * @param user who reacted
 * @param content {@code +1}, {@code -1}, {@code laugh}, {@code confused}, {@code heart}, {@code
 *     hooray}, {@code rocket} or {@code eyes}
 * @param createdAt when
 */
public record Reaction(long id, long commentId, Actor user, String content, Instant createdAt) {}
