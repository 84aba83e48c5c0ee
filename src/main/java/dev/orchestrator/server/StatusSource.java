package dev.orchestrator.server;

/**
 * The status document of {@code GET /api/status}: the same text as {@code agent status -f json}.
 */
@FunctionalInterface
public interface StatusSource {
  /** The document for runs finished in the last {@code lookbackHours}. */
  String render(long lookbackHours);
}
