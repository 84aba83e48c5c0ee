package dev.orchestrator.mission;

import java.util.Locale;

/** GitHub's repository roles, lowest first; a mission's {@code permission} is the least needed. */
public enum Permission {
  READ,
  TRIAGE,
  WRITE,
  MAINTAIN,
  ADMIN;

  /** The lowercase name used in missions, replies and GitHub's {@code role_name}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether someone holding this permission has at least {@code needed}. */
  public boolean includes(Permission needed) {
    return compareTo(needed) >= 0;
  }
}
