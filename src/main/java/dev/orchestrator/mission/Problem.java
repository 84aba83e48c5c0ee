package dev.orchestrator.mission;

/**
 * One problem in a mission file, at a 1-based line and column. A problem about the file as a whole
 * (it cannot be read) has line and column 0 and renders without them.
 */
public record Problem(String file, int line, int column, String message) {

  /** {@code file:line:col: message}, or {@code file: message} without a position. */
  public String render() {
    return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
  }

  @Override
  public String toString() {
    return render();
  }
}
