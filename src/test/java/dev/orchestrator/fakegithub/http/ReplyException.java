package dev.orchestrator.fakegithub.http;

/**
 * Thrown by route code deep in a lookup (a missing repository, issue or comment) to answer with
 * {@link #reply()} at once, the way GitHub stops at the first missing resource.
 */
public final class ReplyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The answer, kept out of serialisation (this exception never leaves the JVM). */
  private final transient Reply reply;

  /** Stops the route with this answer. */
  public ReplyException(Reply reply) {
    super("fake GitHub answers " + reply.status(), null, false, false);
    this.reply = reply;
  }

  /** The answer. */
  public Reply reply() {
    return reply;
  }
}
