package dev.orchestrator.command;

import java.util.Locale;
import java.util.Optional;

/** A repository permission level, lowest first; a higher level includes the lower ones. */
public enum Permission {
  NONE,
  READ,
  TRIAGE,
  WRITE,
  MAINTAIN,
  ADMIN;

  /** The lowercase word used in missions and replies. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean includes(Permission needed) {
    return compareTo(needed) >= 0;
  }

  /** The level a mission requires, as a requester's level to compare with. */
  public static Permission of(dev.orchestrator.mission.Permission required) {
    return valueOf(required.name());
  }

  /** Parses a mission's {@code permission:} value. */
  public static Optional<Permission> parse(String word) {
    if (word == null) {
      return Optional.empty();
    }
    switch (word.strip().toLowerCase(Locale.ROOT)) {
      case "read":
        return Optional.of(READ);
      case "triage":
        return Optional.of(TRIAGE);
      case "write":
        return Optional.of(WRITE);
      case "maintain":
        return Optional.of(MAINTAIN);
      case "admin":
        return Optional.of(ADMIN);
      default:
        return Optional.empty();
    }
  }

  /**
   * The level from GitHub's collaborator permission answer: {@code role_name} when it is one of the
   * five base roles, else (a custom role) the legacy {@code permission} field, which only knows
   * admin, write, read and none. {@code maintain} and {@code triage} exist only in {@code
   * role_name}.
   */
  public static Permission fromGitHub(String roleName, String legacyPermission) {
    Optional<Permission> role = parse(roleName);
    if (role.isPresent()) {
      return role.get();
    }
    return parse(legacyPermission).orElse(NONE);
  }
}
