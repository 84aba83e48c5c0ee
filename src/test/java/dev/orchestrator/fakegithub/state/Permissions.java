package dev.orchestrator.fakegithub.state;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Collaborator permissions of a repository. */
public final class Permissions {
  private final Map<String, Permission> byLogin = new LinkedHashMap<>();

  /** Sets (or replaces) a user's permission. */
  public synchronized void set(Permission permission) {
    byLogin.put(permission.login().toLowerCase(Locale.ROOT), permission);
  }

  /** A user's permission, if any was set. */
  public synchronized Optional<Permission> find(String login) {
    return Optional.ofNullable(byLogin.get(login.toLowerCase(Locale.ROOT)));
  }
}
