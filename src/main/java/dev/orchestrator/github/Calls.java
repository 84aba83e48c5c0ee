package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.HttpException;

/**
 * Turns exchanges and kohsuke exceptions into {@link GitHubResult}s with context in the message.
 */
final class Calls {
  /** Pages followed at most when listing everything (100 items each). */
  static final int MAX_PAGES = 30;

  private Calls() {}

  /** A kohsuke call. */
  @FunctionalInterface
  interface KohsukeCall<T> {
    T call() throws IOException;
  }

  static <T> GitHubResult<T> expect(
      Exchange exchange, String what, Function<GitHubResponse, T> parse) {
    if (exchange instanceof Exchange.UnknownOutcome) {
      return new GitHubResult.OutcomeUnknown<>(what + ": " + exchange.describe());
    }
    if (exchange instanceof Exchange.Deferred later) {
      return new GitHubResult.Deferred<>(later.notBefore(), what + ": " + later.reason());
    }
    if (exchange instanceof Exchange.NotPerformed not) {
      return new GitHubResult.Failed<>(
          0, what + ": " + not.describe(), not.kind().infrastructure(), not.kind());
    }
    GitHubResponse r = exchange.answer().orElseThrow();
    if (r.isSuccess() || r.status() == 304) {
      return new GitHubResult.Ok<>(parse.apply(r));
    }
    if (r.status() == 404) {
      return new GitHubResult.NotFound<>(what + ": " + r.describe());
    }
    return new GitHubResult.Failed<>(r.status(), what + ": " + r.describe(), r.status() >= 500);
  }

  /** Every item of a paginated list, following {@code Link: rel="next"}. */
  static <T> GitHubResult<List<T>> all(
      AuthorizedClient client, GitHubRequest first, String what, Function<JsonNode, T> item) {
    List<T> items = new ArrayList<>();
    GitHubRequest request = first;
    for (int page = 0; page < MAX_PAGES; page++) {
      GitHubResult<GitHubResponse> r = expect(client.send(request), what, x -> x);
      if (!(r instanceof GitHubResult.Ok<GitHubResponse> ok)) {
        return r.map(x -> List.of());
      }
      ok.value().json().forEach(n -> items.add(item.apply(n)));
      var next = ok.value().nextLink();
      if (next.isEmpty()) {
        return new GitHubResult.Ok<>(List.copyOf(items));
      }
      request = GitHubRequest.get(next.get().toString());
    }
    return new GitHubResult.Ok<>(List.copyOf(items));
  }

  static <T> GitHubResult<T> kohsuke(String what, KohsukeCall<T> call) {
    try {
      return new GitHubResult.Ok<>(call.call());
    } catch (IOException | GHException e) {
      return failure(what, e);
    }
  }

  private static <T> GitHubResult<T> failure(String what, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof KohsukeConnector.OutcomeUnknownException) {
        return new GitHubResult.OutcomeUnknown<>(what + ": " + t.getMessage());
      }
      if (t instanceof KohsukeConnector.NotPerformedException not) {
        return new GitHubResult.Failed<>(
            0, what + ": " + not.getMessage(), not.kind().infrastructure(), not.kind());
      }
      if (t instanceof KohsukeConnector.DeferredException later) {
        return new GitHubResult.Deferred<>(later.notBefore(), what + ": " + later.getMessage());
      }
      if (t instanceof GHFileNotFoundException) {
        return new GitHubResult.NotFound<>(what + ": 404 from GitHub");
      }
      if (t instanceof HttpException http && http.getResponseCode() > 0) {
        int status = http.getResponseCode();
        return new GitHubResult.Failed<>(
            status, what + ": " + status + " from GitHub" + githubMessage(http), status >= 500);
      }
    }
    return new GitHubResult.Failed<>(
        0, what + ": " + e.getClass().getSimpleName(), true, FailureKind.UNREACHABLE);
  }

  private static String githubMessage(HttpException e) {
    // kohsuke puts GitHub's error body in the message; keep only its "message" field
    try {
      String m = Json.MAPPER.readTree(String.valueOf(e.getMessage())).path("message").asText("");
      return m.isEmpty() ? "" : ": " + m.toLowerCase(java.util.Locale.ROOT);
    } catch (IOException notJson) {
      return "";
    }
  }
}
