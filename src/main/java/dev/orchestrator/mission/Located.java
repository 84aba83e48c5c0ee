package dev.orchestrator.mission;

/**
 * A value read from YAML with its 1-based position: a scalar's own position, or for a list or
 * mapping the position of the key that holds it (errors about a whole block point at its key).
 */
record Located<T>(T value, int line, int column) {
  /** {@code line:column}, for messages that point at another place. */
  String position() {
    return line + ":" + column;
  }
}
