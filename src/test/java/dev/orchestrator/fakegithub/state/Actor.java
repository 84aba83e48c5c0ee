package dev.orchestrator.fakegithub.state;

/**
 * A GitHub account as the fake renders it in {@code user} fields.
 *
 * @param login the login, e.g. {@code alice} or {@code my-app[bot]}
 * @param id its numeric id, stable for the fake's life
 * @param type {@code User}, {@code Bot} or {@code Organization}
 */
public record Actor(String login, long id, String type) {
  /** True for an app's bot account. */
  public boolean isBot() {
    return "Bot".equals(type);
  }
}
