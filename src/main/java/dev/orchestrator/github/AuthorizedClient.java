package dev.orchestrator.github;

import dev.orchestrator.config.Secret;
import java.net.URI;
import java.util.Objects;

/**
 * The transport bound to one lane's credentials. It adds {@code Authorization} only to requests
 * under the API root (a redirect or a {@code Link} to another host never gets the token) and, when
 * GitHub answers 401, invalidates the credential and retries exactly once with a fresh one. A 401
 * means GitHub refused the request before acting on it, so the retry is safe for writes too.
 */
final class AuthorizedClient {
  private final HttpTransport transport;
  private final URI apiRoot;
  private final TokenSource tokens;

  AuthorizedClient(HttpTransport transport, URI apiRoot, TokenSource tokens) {
    this.transport = transport;
    this.apiRoot = apiRoot;
    this.tokens = tokens;
  }

  URI apiRoot() {
    return apiRoot;
  }

  String lane() {
    return tokens.lane();
  }

  Exchange send(GitHubRequest request) {
    return send(
        new HttpCall(
            request.method(),
            request.uri(apiRoot),
            request.headers(),
            request.bodyBytes(),
            request.repeatable(),
            tokens.lane()));
  }

  /** Sends {@code call} (without credentials yet) with this lane's credential. */
  Exchange send(HttpCall call) {
    if (!underApiRoot(call.uri())) {
      return transport.send(call);
    }
    TokenSource.Credential first = tokens.current();
    if (first instanceof TokenSource.Credential.Unavailable none) {
      return new Exchange.NotPerformed(call.describe() + ": " + none.reason());
    }
    Secret used = ((TokenSource.Credential.Bearer) first).token();
    Exchange exchange = transport.send(authorized(call, used));
    if (!unauthorized(exchange) || !tokens.rejected(used)) {
      return exchange;
    }
    TokenSource.Credential second = tokens.current();
    if (second instanceof TokenSource.Credential.Bearer fresh && !fresh.token().equals(used)) {
      return transport.send(authorized(call, fresh.token()));
    }
    return exchange;
  }

  private static boolean unauthorized(Exchange exchange) {
    return exchange.answer().map(r -> r.status() == 401).orElse(false);
  }

  private HttpCall authorized(HttpCall call, Secret token) {
    return call.withHeader("Authorization", "Bearer " + token.reveal());
  }

  private boolean underApiRoot(URI uri) {
    return Objects.equals(uri.getScheme(), apiRoot.getScheme())
        && Objects.equals(uri.getHost(), apiRoot.getHost())
        && uri.getPort() == apiRoot.getPort()
        && (uri.getRawPath() + "/").startsWith(rootPath());
  }

  private String rootPath() {
    String p = apiRoot.getRawPath() == null ? "" : apiRoot.getRawPath();
    return p.endsWith("/") ? p : p + "/";
  }

  @Override
  public String toString() {
    return "AuthorizedClient[" + apiRoot + ", " + tokens.lane() + "]";
  }
}
