package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An HTTP answer from GitHub: status, headers (names case-insensitive) and body bytes. */
public final class GitHubResponse {
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final boolean revalidated;

  public GitHubResponse(int status, Map<String, List<String>> headers, byte[] body) {
    this(status, headers, body, false);
  }

  private GitHubResponse(
      int status, Map<String, List<String>> headers, byte[] body, boolean revalidated) {
    this.status = status;
    this.revalidated = revalidated;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (k, v) -> {
          if (k != null) {
            copy.put(k, List.copyOf(v));
          }
        });
    this.headers = java.util.Collections.unmodifiableMap(copy);
    this.body = body.clone();
  }

  /**
   * A cached answer GitHub confirmed with a 304: the cached status and body, the cached headers
   * overlaid with the 304's (its rate-limit figures, a refreshed ETag).
   */
  static GitHubResponse revalidated(GitHubResponse cached, GitHubResponse notModified) {
    TreeMap<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    merged.putAll(cached.headers);
    notModified.headers.forEach(
        (name, values) -> {
          if (!name.equalsIgnoreCase("content-length")) {
            merged.put(name, values);
          }
        });
    return new GitHubResponse(cached.status, merged, cached.body, true);
  }

  public int status() {
    return status;
  }

  /** True when this answer came from the ETag cache after GitHub's 304 (no quota spent). */
  public boolean revalidated() {
    return revalidated;
  }

  /** Every header; lookups ignore case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public byte[] body() {
    return body.clone();
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON; a missing node when it is empty or not JSON. */
  public JsonNode json() {
    if (body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  public Optional<String> etag() {
    return header("ETag");
  }

  /** The {@code rel="next"} URL of the {@code Link} header: the next page, if any. */
  public Optional<URI> nextLink() {
    return header("Link")
        .flatMap(
            link -> {
              Matcher m = NEXT_LINK.matcher(link);
              return m.find() ? Optional.of(URI.create(m.group(1))) : Optional.empty();
            });
  }

  /** A short description for messages: the status and GitHub's own {@code message}, if any. */
  public String describe() {
    String message = json().path("message").asText("");
    if (message.length() > 200) {
      message = message.substring(0, 200) + "…";
    }
    return status
        + " from GitHub"
        + (message.isEmpty() ? "" : ": " + message.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return "GitHubResponse["
        + status
        + ", "
        + body.length
        + " bytes"
        + (revalidated ? ", revalidated" : "")
        + "]";
  }
}
