package dev.orchestrator.github;

import dev.orchestrator.config.Secret;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The transport bound to one lane's credentials and one {@link Priority}. It adds {@code
 * Authorization} only to requests under the API root (a redirect or a {@code Link} to another host
 * never gets the token) and, when GitHub answers 401, invalidates the credential and retries
 * exactly once with a fresh one. A 401 means GitHub refused the request before acting on it, so the
 * retry is safe for writes too. It also says which rate-limit resource a request will count
 * against, from its path under the root.
 */
final class AuthorizedClient {
  private final HttpTransport transport;
  private final URI apiRoot;
  private final TokenSource tokens;
  private final Priority priority;

  AuthorizedClient(HttpTransport transport, URI apiRoot, TokenSource tokens) {
    this(transport, apiRoot, tokens, Priority.BACKGROUND);
  }

  AuthorizedClient(HttpTransport transport, URI apiRoot, TokenSource tokens, Priority priority) {
    this.transport = transport;
    this.apiRoot = apiRoot;
    this.tokens = tokens;
    this.priority = priority;
  }

  /** The same lane and credentials, sending with {@code p}. */
  AuthorizedClient withPriority(Priority p) {
    return p == priority ? this : new AuthorizedClient(transport, apiRoot, tokens, p);
  }

  URI apiRoot() {
    return apiRoot;
  }

  String lane() {
    return tokens.lane();
  }

  Priority priority() {
    return priority;
  }

  Exchange send(GitHubRequest request) {
    return send(
        new HttpCall(
            request.method(),
            request.uri(apiRoot),
            request.headers(),
            request.bodyBytes(),
            request.repeatable(),
            tokens.lane(),
            priority,
            resource(request.uri(apiRoot)),
            request.revalidate()));
  }

  /** An HTTP call for this lane and priority (kohsuke's requests arrive this way). */
  HttpCall call(
      String method,
      URI uri,
      Map<String, String> headers,
      Optional<byte[]> body,
      boolean repeatable) {
    return new HttpCall(
        method, uri, headers, body, repeatable, tokens.lane(), priority, resource(uri), false);
  }

  /** Sends {@code call} (without credentials yet) with this lane's credential. */
  Exchange send(HttpCall call) {
    if (!underApiRoot(call.uri())) {
      return transport.send(call);
    }
    TokenSource.Credential first = tokens.current();
    if (first instanceof TokenSource.Credential.Later later) {
      return new Exchange.Deferred(later.notBefore(), call.describe() + ": " + later.reason());
    }
    if (first instanceof TokenSource.Credential.Unavailable none) {
      return new Exchange.NotPerformed(
          call.describe() + ": " + none.reason(), FailureKind.NO_TOKEN);
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

  /**
   * GitHub's separate budgets: {@code /search/code} counts against {@code code_search}, the rest of
   * {@code /search/} against {@code search}, everything else against {@code core}.
   */
  String resource(URI uri) {
    if (!underApiRoot(uri)) {
      return "core";
    }
    String path = uri.getRawPath().substring(rootPath().length() - 1);
    if (path.startsWith("/search/code")) {
      return "code_search";
    }
    return path.startsWith("/search/") ? "search" : "core";
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
    return "AuthorizedClient[" + apiRoot + ", " + tokens.lane() + ", " + priority + "]";
  }
}
