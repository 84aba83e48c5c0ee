package dev.orchestrator.fakegithub.state;

import java.util.Locale;

/**
 * A collaborator's access as {@code GET …/collaborators/{username}/permission} reports it.
 *
 * @param login the user
 * @param permission the legacy value: {@code admin}, {@code write}, {@code read} or {@code none}
 * @param roleName the role: {@code admin}, {@code maintain}, {@code write}, {@code triage}, {@code
 *     read}, or a custom role's name
 */
public record Permission(String login, String permission, String roleName) {

  /**
   * The permission for a built-in role, with GitHub's legacy mapping (maintain → write, triage →
   * read). A custom role needs {@link #custom}.
   */
  public static Permission ofRole(String login, String role) {
    String legacy =
        switch (role.toLowerCase(Locale.ROOT)) {
          case "admin" -> "admin";
          case "maintain", "write" -> "write";
          case "triage", "read" -> "read";
          case "none" -> "none";
          default ->
              throw new IllegalArgumentException(
                  "role \""
                      + role
                      + "\" is not built in; give its legacy permission with custom()");
        };
    return new Permission(login, legacy, role.toLowerCase(Locale.ROOT));
  }

  /** A custom role, which GitHub reports with the legacy permission of its base role. */
  public static Permission custom(String login, String roleName, String legacyPermission) {
    return new Permission(login, legacyPermission, roleName);
  }
}
