package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.config.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Installation access tokens, in memory only, one per installation. A token is minted with the App
 * JWT ({@code POST /app/installations/{installation_id}/access_tokens}), reused until less than
 * {@link #REFRESH_MARGIN} of its hour remains, and dropped when GitHub answers 401 to it.
 * Concurrent callers for the same installation share one mint in flight (and its failure, if it
 * fails).
 */
final class InstallationTokens {
  /** Refresh this long before expiry, so a token never dies in the middle of a run's step. */
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  private record Token(Secret value, Instant expiresAt) {}

  private final AuthorizedClient app;
  private final Clock clock;
  private final Map<Long, Token> tokens = new HashMap<>();
  private final Map<Long, CompletableFuture<TokenSource.Credential>> minting = new HashMap<>();

  InstallationTokens(AuthorizedClient app, Clock clock) {
    this.app = app;
    this.clock = clock;
  }

  /** A token source for one installation's lane. */
  TokenSource forInstallation(long installationId) {
    return new TokenSource() {
      @Override
      public Credential current() {
        return token(installationId);
      }

      @Override
      public boolean rejected(Secret used) {
        invalidate(installationId, used);
        return true;
      }

      @Override
      public String lane() {
        return "installation:" + installationId;
      }
    };
  }

  TokenSource.Credential token(long installationId) {
    CompletableFuture<TokenSource.Credential> mine = null;
    CompletableFuture<TokenSource.Credential> pending;
    synchronized (this) {
      Token t = tokens.get(installationId);
      if (t != null && clock.instant().plus(REFRESH_MARGIN).isBefore(t.expiresAt())) {
        return new TokenSource.Credential.Bearer(t.value());
      }
      pending = minting.get(installationId);
      if (pending == null) {
        mine = new CompletableFuture<>();
        minting.put(installationId, mine);
        pending = mine;
      }
    }
    if (mine != null) {
      TokenSource.Credential minted;
      try {
        minted = mint(installationId);
      } catch (RuntimeException | Error bug) {
        forget(installationId);
        mine.completeExceptionally(bug);
        throw bug;
      }
      forget(installationId); // mint() already cached a good token
      mine.complete(minted);
    }
    return pending.join();
  }

  private synchronized void forget(long installationId) {
    minting.remove(installationId);
  }

  /** Drops {@code stale} if it is still the cached token (another caller may have refreshed it). */
  synchronized void invalidate(long installationId, Secret stale) {
    Token t = tokens.get(installationId);
    if (t != null && t.value().equals(stale)) {
      tokens.remove(installationId);
    }
  }

  private TokenSource.Credential mint(long installationId) {
    String what = "minting a token for installation " + installationId;
    Exchange exchange =
        app.send(
            GitHubRequest.post(
                    GitHubRequest.path("/app/installations/%s/access_tokens", installationId),
                    Json.object())
                .idempotent()); // a second token is harmless, so a lost answer may be retried
    if (exchange instanceof Exchange.Deferred later) {
      return new TokenSource.Credential.Later(later.notBefore(), what + ": " + later.reason());
    }
    if (exchange.answer().isEmpty()) {
      return new TokenSource.Credential.Unavailable(what + ": " + exchange.describe());
    }
    GitHubResponse response = exchange.answer().get();
    if (response.status() != 201 && response.status() != 200) {
      String hint =
          response.status() == 401 ? " (check APP_ID, the private key and the clock)" : "";
      return new TokenSource.Credential.Unavailable(what + ": " + response.describe() + hint);
    }
    JsonNode json = response.json();
    String token = json.path("token").asText("");
    Instant expiresAt;
    try {
      expiresAt = Instant.parse(json.path("expires_at").asText(""));
    } catch (DateTimeParseException e) {
      return new TokenSource.Credential.Unavailable(what + ": the answer has no valid expires_at");
    }
    if (token.isEmpty()) {
      return new TokenSource.Credential.Unavailable(what + ": the answer has no token");
    }
    Secret secret = Secret.of(token);
    synchronized (this) {
      tokens.put(installationId, new Token(secret, expiresAt));
    }
    return new TokenSource.Credential.Bearer(secret);
  }
}
