package dev.orchestrator.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Who this app is on GitHub ({@code <slug>[bot]}), learned in the background. Until it is known
 * every bot sender is ignored, so the app can never answer itself.
 */
public final class Identity {
  private volatile Optional<String> login = Optional.empty();

  public void learned(String botLogin) {
    login = Optional.of(botLogin);
  }

  public Optional<String> login() {
    return login;
  }

  /** The app's login, or a placeholder that matches nobody while it is unknown. */
  public String loginOrUnknown() {
    return login.orElse("(app identity not yet known)");
  }

  /** True for a sender whose events this app must not act on: itself or any bot. */
  public static boolean isBot(JsonNode sender) {
    return "Bot".equals(sender.path("type").asText())
        || sender.path("login").asText().endsWith("[bot]");
  }

  /** True when the sender is this app (or, while the identity is unknown, any bot). */
  public boolean isSelf(JsonNode sender) {
    String who = sender.path("login").asText();
    return login.map(l -> l.equalsIgnoreCase(who)).orElse(isBot(sender));
  }
}
