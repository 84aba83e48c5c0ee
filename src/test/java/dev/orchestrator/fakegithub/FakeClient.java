package dev.orchestrator.fakegithub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A minimal HTTP client for the fake's own tests: raw requests, nothing clever. */
final class FakeClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  FakeClient(String base) {
    this.base = base;
  }

  /** An answer: status, headers, body. */
  record Answer(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** A request being built. */
  final class Req {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;
    private Duration timeout = Duration.ofSeconds(10);

    private Req(String method, String path) {
      this.method = method;
      this.path = path;
      headers.put("User-Agent", "fake-github-test");
      headers.put("Accept", "application/vnd.github+json");
    }

    Req token(String token) {
      return header("Authorization", "token " + token);
    }

    Req bearer(String jwt) {
      return header("Authorization", "Bearer " + jwt);
    }

    Req header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Req noUserAgent() {
      headers.remove("User-Agent");
      return this;
    }

    Req json(String value) {
      body = value;
      return header("Content-Type", "application/json");
    }

    Req timeout(Duration value) {
      timeout = value;
      return this;
    }

    Answer send() throws IOException, InterruptedException {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(timeout)
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      // java.net.http always sends its own User-Agent unless one is set; an empty value stands
      // in for "none", which the fake treats the same way GitHub treats a missing header
      if (!headers.containsKey("User-Agent")) {
        b.setHeader("User-Agent", "");
      }
      headers.forEach(b::setHeader);
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.headers(), r.body());
    }
  }

  Req get(String path) {
    return new Req("GET", path);
  }

  Req post(String path) {
    return new Req("POST", path);
  }

  Req patch(String path) {
    return new Req("PATCH", path);
  }

  Req delete(String path) {
    return new Req("DELETE", path);
  }
}
