package dev.orchestrator.doctor;

/**
 * One check's result: {@code check} names what was checked ({@code webhook secret}), {@code detail}
 * says what was found and, unless ok, what to do. Never holds a secret.
 */
public record Finding(Level level, String check, String detail) {
  static Finding ok(String check, String detail) {
    return new Finding(Level.OK, check, detail);
  }

  static Finding warn(String check, String detail) {
    return new Finding(Level.WARN, check, detail);
  }

  static Finding fail(String check, String detail) {
    return new Finding(Level.FAIL, check, detail);
  }

  /** {@code ok database: "…" is writable} — the level padded so the checks line up. */
  public String render() {
    String label = level.label();
    return label + " ".repeat(6 - label.length()) + check + ": " + detail;
  }
}
