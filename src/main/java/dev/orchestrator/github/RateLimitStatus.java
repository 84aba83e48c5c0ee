package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code GET /rate_limit}: each resource's budget for one lane. Only {@code agent doctor} asks for
 * it; the server never polls it and learns its budget from the {@code x-ratelimit-*} headers of its
 * own responses ({@link RateLimits}). The call itself costs no quota.
 */
final class RateLimitStatus {
  private RateLimitStatus() {}

  /**
   * The budgets of {@code installation}'s lane (App mode; the lane's token is minted if needed) or
   * of {@code GITHUB_TOKEN} (token mode), one snapshot per resource, ordered by name.
   */
  static GitHubResult<List<RateLimits.Snapshot>> fetch(
      Clients clients, OptionalLong installation, Clock clock) {
    String what = "reading the rate limit (GET /rate_limit)";
    AuthorizedClient client;
    if (clients.token().isPresent()) {
      client = clients.token().get();
    } else if (installation.isPresent()) {
      client = clients.installation(installation.getAsLong());
    } else {
      return new GitHubResult.Failed<>(
          0, what + ": in App mode it is read with an installation's token; name one", false);
    }
    String lane = client.lane();
    return Calls.expect(
        client.send(GitHubRequest.get("/rate_limit")),
        what,
        r -> snapshots(lane, r.json().path("resources"), clock.instant()));
  }

  private static List<RateLimits.Snapshot> snapshots(String lane, JsonNode resources, Instant now) {
    List<RateLimits.Snapshot> out = new ArrayList<>();
    List<String> names = new ArrayList<>();
    resources.fieldNames().forEachRemaining(names::add);
    names.sort(String::compareTo);
    for (String name : names) {
      JsonNode r = resources.path(name);
      if (!r.path("limit").canConvertToLong() || !r.path("remaining").canConvertToLong()) {
        continue;
      }
      out.add(
          new RateLimits.Snapshot(
              lane,
              name,
              r.path("limit").asLong(),
              r.path("remaining").asLong(),
              r.has("used") ? OptionalLong.of(r.path("used").asLong()) : OptionalLong.empty(),
              Instant.ofEpochSecond(r.path("reset").asLong()),
              now));
    }
    return List.copyOf(out);
  }
}
