package dev.orchestrator.fakegithub.state;

import java.util.List;
import java.util.Map;

/**
 * The GitHub App the fake plays host to.
 *
 * @param id the app id (the JWT's {@code iss})
 * @param slug URL name; its bot account is {@code <slug>[bot]}
 * @param name display name
 * @param owner the owning account's login
 * @param clientId the app's client id
 * @param permissions granted permissions, e.g. {@code issues → write}
 * @param events subscribed webhook events
 */
public record FakeApp(
    long id,
    String slug,
    String name,
    String owner,
    String clientId,
    Map<String, String> permissions,
    List<String> events) {

  /** The bot account's login. */
  public String botLogin() {
    return slug + "[bot]";
  }
}
