package dev.orchestrator.mission;

import java.util.Locale;

/**
 * When a successful event-triggered run posts its status comment: {@code always}, or only on {@code
 * failure} (its own comments are its output). Command-triggered runs always report.
 */
public enum ReportPolicy {
  ALWAYS,
  FAILURE;

  /** The lowercase name used in missions. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
