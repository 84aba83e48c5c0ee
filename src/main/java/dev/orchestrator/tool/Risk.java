package dev.orchestrator.tool;

/**
 * How much a tool can change. Write tools need approval in approval missions; destructive always.
 */
public enum Risk {
  READ,
  WRITE,
  DESTRUCTIVE;

  /** The lowercase name used in missions, comments and transcripts. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
