package dev.orchestrator.command;

/** Who wrote the comment, as GitHub's payload says. */
public record Requester(String login, String type, Permission permission) {
  /** GitHub's {@code sender.type} for bots and Apps. */
  public boolean isBot() {
    return "Bot".equalsIgnoreCase(type) || login.endsWith("[bot]");
  }
}
