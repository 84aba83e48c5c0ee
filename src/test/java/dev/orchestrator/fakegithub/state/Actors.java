package dev.orchestrator.fakegithub.state;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Every account the fake has seen, each with a stable id. */
public final class Actors {
  private final Ids ids;
  private final Map<String, Actor> byLogin = new HashMap<>();

  Actors(Ids ids) {
    this.ids = ids;
  }

  /** A user account (created on first mention); a {@code …[bot]} login is a bot account. */
  public Actor user(String login) {
    return account(login, login.endsWith("[bot]") ? "Bot" : "User");
  }

  /** An organization account (created on first mention). */
  public Actor organization(String login) {
    return account(login, "Organization");
  }

  /** The bot account of an app: {@code <slug>[bot]}, type {@code Bot}. */
  public Actor bot(String appSlug) {
    return user(appSlug + "[bot]");
  }

  private synchronized Actor account(String login, String type) {
    return byLogin.computeIfAbsent(
        login.toLowerCase(Locale.ROOT), k -> new Actor(login, ids.next(), type));
  }
}
