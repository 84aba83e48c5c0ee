package dev.orchestrator.github;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GHIOException;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * kohsuke's HTTP goes through our transport. kohsuke 1.330's {@code GitHubClient} re-sends a
 * request (any method, after sleeping) when the connector throws {@code SocketException}, {@code
 * SocketTimeoutException} or {@code SSLHandshakeException}; it passes any {@link GHIOException}
 * through untouched. So this connector never lets a socket exception out: an unknown outcome, a
 * request not performed and a request deferred by the governor surface as the {@link GHIOException}
 * subclasses below, which the gateway turns back into values. Retries of GETs and re-sends after
 * rate limits already happened in the transport, so kohsuke never sees a rate-limited answer and
 * its own handlers never sleep.
 */
final class KohsukeConnector implements GitHubConnector {
  private final AuthorizedClient client;

  KohsukeConnector(AuthorizedClient client) {
    this.client = client;
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    Exchange exchange = client.send(call(request));
    if (exchange instanceof Exchange.Answered answered) {
      GitHubResponse r = answered.response();
      return new Response(request, r.status(), r.headers(), r.body());
    }
    if (exchange instanceof Exchange.UnknownOutcome unknown) {
      throw new OutcomeUnknownException(unknown.describe());
    }
    if (exchange instanceof Exchange.Deferred later) {
      throw new DeferredException(later.notBefore(), later.reason());
    }
    throw new NotPerformedException(exchange.describe(), ((Exchange.NotPerformed) exchange).kind());
  }

  private HttpCall call(GitHubConnectorRequest request) throws IOException {
    URI uri;
    try {
      uri = request.url().toURI();
    } catch (URISyntaxException e) {
      throw new NotPerformedException("kohsuke built an invalid URL", FailureKind.UNEXPECTED);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    request
        .allHeaders()
        .forEach(
            (name, values) -> {
              if (name != null && !values.isEmpty() && !name.equalsIgnoreCase("Authorization")) {
                headers.put(name, String.join(", ", values));
              }
            });
    Optional<byte[]> body = Optional.empty();
    if (request.hasBody()) {
      try (InputStream in = request.body()) {
        body = Optional.of(in == null ? new byte[0] : in.readAllBytes());
      }
      if (request.contentType() != null) {
        headers.put("Content-Type", request.contentType());
      }
    }
    String method = request.method();
    boolean repeatable = method.equals("GET") || method.equals("HEAD");
    return client.call(method, uri, Map.copyOf(headers), body, repeatable);
  }

  /** A write that may have happened; never re-sent by kohsuke (not a socket exception). */
  static final class OutcomeUnknownException extends GHIOException {
    private static final long serialVersionUID = 1L;

    OutcomeUnknownException(String message) {
      super(message);
    }
  }

  /** GitHub did not act on the request. */
  static final class NotPerformedException extends GHIOException {
    private static final long serialVersionUID = 1L;
    private final FailureKind kind;

    NotPerformedException(String message, FailureKind kind) {
      super(message);
      this.kind = kind;
    }

    FailureKind kind() {
      return kind;
    }
  }

  /** The governor holds the request until {@code notBefore}; GitHub did not act on it. */
  static final class DeferredException extends GHIOException {
    private static final long serialVersionUID = 1L;
    private final Instant notBefore;

    DeferredException(Instant notBefore, String message) {
      super(message);
      this.notBefore = notBefore;
    }

    Instant notBefore() {
      return notBefore;
    }
  }

  private static final class Response extends GitHubConnectorResponse.ByteArrayResponse {
    private final byte[] body;

    Response(
        GitHubConnectorRequest request,
        int status,
        Map<String, List<String>> headers,
        byte[] body) {
      super(request, status, headers);
      this.body = body;
    }

    @Override
    protected InputStream rawBodyStream() {
      return new java.io.ByteArrayInputStream(body);
    }
  }
}
