package dev.orchestrator.mission;

import java.util.Locale;

/** A mission's queue priority. */
public enum Priority {
  HIGH,
  NORMAL,
  LOW;

  /** The lowercase name used in missions. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** One level higher (a human command raises its run's priority); {@code HIGH} stays. */
  public Priority raised() {
    return this == HIGH ? HIGH : values()[ordinal() - 1];
  }
}
