package dev.orchestrator.doctor;

import java.util.Locale;

/** How a check came out: ok, a warning (works, but look at it), or a failure (fix it). */
public enum Level {
  OK,
  WARN,
  FAIL;

  /** {@code ok}, {@code warn}, {@code fail}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
