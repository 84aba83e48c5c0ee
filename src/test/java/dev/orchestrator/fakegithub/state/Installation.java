package dev.orchestrator.fakegithub.state;

import java.util.Locale;
import java.util.Set;

/**
 * An installation of the app on an account.
 *
 * @param id installation id
 * @param account the account's login
 * @param accountType {@code Organization} or {@code User}
 * @param repositories full names it is limited to; empty means every repository of the account
 */
public record Installation(long id, String account, String accountType, Set<String> repositories) {

  /** Normalises the repository set to lower-case full names. */
  public Installation {
    repositories = Set.copyOf(repositories.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList());
  }

  /** True when a token of this installation may act on {@code owner/repo}. */
  public boolean covers(String owner, String repo) {
    if (!repositories.isEmpty()) {
      return repositories.contains((owner + "/" + repo).toLowerCase(Locale.ROOT));
    }
    return account.equalsIgnoreCase(owner);
  }

  /** {@code all} or {@code selected}, as GitHub reports it. */
  public String repositorySelection() {
    return repositories.isEmpty() ? "all" : "selected";
  }
}
