package dev.orchestrator.github;

/**
 * A user's permission on a repository. {@code roleName} is what GitHub's collaborator endpoint
 * calls {@code role_name} (admin, maintain, write, triage, read, or a custom role's name); {@code
 * legacy} is its {@code permission} field (admin, write, read, none), the fallback for custom
 * roles.
 */
public record Permission(String roleName, String legacy) {
  /** No access: the endpoint's 404. */
  public static final Permission NONE = new Permission("none", "none");

  public boolean hasAccess() {
    return !"none".equals(legacy) || !"none".equals(roleName);
  }
}
