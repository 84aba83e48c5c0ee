package dev.orchestrator.github;

/** Who the App is ({@code GET /app}); its comments are authored by {@code <slug>[bot]}. */
public record AppIdentity(long id, String slug, String name) {
  public String botLogin() {
    return slug + "[bot]";
  }
}
