package dev.orchestrator.server;

import java.util.List;

/** What {@code /readyz} checks; each check names what is not ready. */
@FunctionalInterface
public interface Readiness {
  /** The reasons the server is not ready; empty when it is. */
  List<String> problems();
}
