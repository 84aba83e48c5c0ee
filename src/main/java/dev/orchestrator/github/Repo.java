package dev.orchestrator.github;

import java.util.OptionalLong;

/**
 * A repository, and the App installation it is reached through when known (from the webhook
 * payload). In App mode without an installation the gateway looks it up once ({@code GET
 * /repos/{owner}/{repo}/installation}); in token mode it is ignored.
 */
public record Repo(String owner, String name, OptionalLong installation) {
  public Repo {
    if (owner.isBlank() || name.isBlank() || owner.contains("/") || name.contains("/")) {
      throw new IllegalArgumentException(
          "repository \"" + owner + "/" + name + "\" is not owner/name");
    }
  }

  /** {@code "octo/repo"}, installation unknown. */
  public static Repo of(String fullName) {
    int slash = fullName.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException("repository \"" + fullName + "\" is not owner/name");
    }
    return new Repo(
        fullName.substring(0, slash), fullName.substring(slash + 1), OptionalLong.empty());
  }

  /** The same repository reached through installation {@code installationId}. */
  public Repo via(long installationId) {
    return new Repo(owner, name, OptionalLong.of(installationId));
  }

  public String fullName() {
    return owner + "/" + name;
  }

  @Override
  public String toString() {
    return fullName();
  }
}
