package dev.orchestrator.mission;

import java.util.Locale;

/** Who decides a mission's steps: its own {@code steps}, or a model. */
public enum PlannerType {
  DETERMINISTIC,
  LLM;

  /** The lowercase name used in missions and transcripts. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
