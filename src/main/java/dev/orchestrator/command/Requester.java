package dev.orchestrator.command;

/** Who wrote the comment, as GitHub's payload says. */
public record Requester(String login, String type, Permission permission) {
  /** GitHub's {@code sender.type} for bots and Apps. */
  public boolean isBot() {
    return isBot(login, type);
  }

  /** A bot or App account: GitHub's {@code type} says so, or the login ends with {@code [bot]}. */
  public static boolean isBot(String login, String type) {
    return "Bot".equalsIgnoreCase(type) || login.endsWith("[bot]");
  }
}
