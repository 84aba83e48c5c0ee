package dev.orchestrator.github;

/** The value of an operation that succeeds without a result. */
public enum Done {
  DONE
}
