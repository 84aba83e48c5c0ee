package dev.orchestrator.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Issues, comments and reactions, as direct calls: the tools hand GitHub's own JSON on to later
 * steps, which kohsuke's objects cannot give back.
 */
final class IssueCalls {
  private final Clients clients;

  /** Marked comments whose creation had an unknown outcome and that were not found afterwards. */
  private final Set<String> unsettled;

  IssueCalls(Clients clients) {
    this.clients = clients;
    this.unsettled = clients.unsettled();
  }

  GitHubResult<Issue> getIssue(Repo repo, int number) {
    return direct(
        repo,
        "getting issue " + ref(repo, number),
        GitHubRequest.get(issuePath(repo, number)),
        r -> Models.issue(r.json()));
  }

  GitHubResult<Issue> createIssue(Repo repo, String title, String body, List<String> labels) {
    ObjectNode json = Json.object().put("title", title).put("body", body);
    if (!labels.isEmpty()) {
      labels.forEach(json.putArray("labels")::add);
    }
    return direct(
        repo,
        "creating an issue in \"" + repo + "\"",
        GitHubRequest.post(
            GitHubRequest.path("/repos/%s/%s/issues", repo.owner(), repo.name()), json),
        r -> Models.issue(r.json()));
  }

  GitHubResult<List<Issue>> listOpenIssues(Repo repo) {
    String what = "listing open issues of \"" + repo + "\"";
    GitHubRequest request =
        GitHubRequest.get(GitHubRequest.path("/repos/%s/%s/issues", repo.owner(), repo.name()))
            .with("state", "open")
            .with("per_page", 100);
    return clients.forRepo(repo, what).flatMap(c -> Calls.all(c, request, what, Models::issue));
  }

  GitHubResult<Issue> editIssueBody(Repo repo, int number, String body) {
    return direct(
        repo,
        "editing issue " + ref(repo, number),
        GitHubRequest.patch(issuePath(repo, number), Json.object().put("body", body)),
        r -> Models.issue(r.json()));
  }

  GitHubResult<Issue> closeIssue(Repo repo, int number, Optional<CloseReason> reason) {
    ObjectNode body = Json.object().put("state", "closed");
    reason.ifPresent(r -> body.put("state_reason", r.apiValue()));
    return direct(
        repo,
        "closing issue " + ref(repo, number),
        GitHubRequest.patch(issuePath(repo, number), body),
        r -> Models.issue(r.json()));
  }

  GitHubResult<Labels> addLabels(Repo repo, int number, List<String> labels) {
    ObjectNode body = Json.object();
    labels.forEach(body.putArray("labels")::add);
    return direct(
        repo,
        "labelling issue " + ref(repo, number),
        GitHubRequest.post(issuePath(repo, number) + "/labels", body),
        r -> Models.labels(r.json()));
  }

  GitHubResult<Done> removeLabel(Repo repo, int number, String label) {
    String what = "removing label \"" + label + "\" from " + ref(repo, number);
    GitHubResult<Done> r =
        direct(
            repo,
            what,
            GitHubRequest.delete(
                issuePath(repo, number) + "/labels/" + GitHubRequest.segment(label)),
            x -> Done.DONE);
    // 404: the issue does not carry the label (or does not exist); either way it is not there
    return r instanceof GitHubResult.NotFound ? new GitHubResult.Ok<>(Done.DONE) : r;
  }

  GitHubResult<Issue> assign(Repo repo, int number, List<String> assignees) {
    ObjectNode body = Json.object();
    assignees.forEach(body.putArray("assignees")::add);
    return direct(
        repo,
        "assigning " + ref(repo, number),
        GitHubRequest.post(issuePath(repo, number) + "/assignees", body),
        r -> Models.issue(r.json()));
  }

  GitHubResult<List<Comment>> listComments(Repo repo, int number, Optional<Instant> since) {
    String what = "listing comments of " + ref(repo, number);
    GitHubRequest first =
        GitHubRequest.get(issuePath(repo, number) + "/comments").with("per_page", 100);
    GitHubRequest request = since.map(s -> first.with("since", s.toString())).orElse(first);
    return clients.forRepo(repo, what).flatMap(c -> Calls.all(c, request, what, Models::comment));
  }

  GitHubResult<Comment> getComment(Repo repo, long id) {
    return direct(
        repo,
        "getting comment " + id + " in \"" + repo + "\"",
        GitHubRequest.get(commentPath(repo, id)),
        r -> Models.comment(r.json()));
  }

  GitHubResult<Comment> createComment(Repo repo, int number, String body) {
    String what = "posting a comment on " + ref(repo, number);
    Optional<String> marker = Markers.find(body);
    String key = marker.map(m -> repo + "#" + number + " " + m).orElse("");
    if (marker.isPresent() && unsettled.contains(key)) {
      GitHubResult<Optional<Comment>> earlier = findCommentByMarker(repo, number, marker.get());
      if (!earlier.isOk()) {
        return earlier.map(x -> x.orElseThrow()); // cannot tell whether it exists: do not post
      }
      if (earlier.orElseThrow().isPresent()) {
        unsettled.remove(key);
        return new GitHubResult.Ok<>(earlier.orElseThrow().get());
      }
    }
    GitHubResult<Comment> posted =
        direct(
            repo,
            what,
            GitHubRequest.post(
                issuePath(repo, number) + "/comments", Json.object().put("body", body)),
            r -> Models.comment(r.json()));
    if (marker.isEmpty()) {
      return posted;
    }
    if (posted instanceof GitHubResult.OutcomeUnknown) {
      GitHubResult<Optional<Comment>> found = findCommentByMarker(repo, number, marker.get());
      if (found.optional().flatMap(x -> x).isPresent()) {
        return new GitHubResult.Ok<>(found.orElseThrow().get());
      }
      unsettled.add(key);
      return posted;
    }
    if (posted.isOk()) {
      unsettled.remove(key);
    }
    return posted;
  }

  GitHubResult<Comment> updateComment(Repo repo, long id, String body) {
    return direct(
        repo,
        "editing comment " + id + " in \"" + repo + "\"",
        GitHubRequest.patch(commentPath(repo, id), Json.object().put("body", body)),
        r -> Models.comment(r.json()));
  }

  GitHubResult<Optional<Comment>> findCommentByMarker(Repo repo, int number, String marker) {
    return listComments(repo, number, Optional.empty())
        .map(all -> all.stream().filter(c -> c.body().contains(marker)).findFirst());
  }

  GitHubResult<Optional<Tagged<List<Reaction>>>> listReactions(
      Repo repo, long commentId, Optional<String> etag) {
    GitHubRequest first =
        GitHubRequest.get(commentPath(repo, commentId) + "/reactions")
            .with("per_page", 100)
            .cached();
    GitHubRequest request = etag.map(first::ifNoneMatch).orElse(first);
    return direct(
        repo,
        "listing reactions on comment " + commentId + " in \"" + repo + "\"",
        request,
        r -> {
          if (r.status() == 304) {
            return Optional.empty();
          }
          List<Reaction> reactions = new java.util.ArrayList<>();
          r.json().forEach(n -> reactions.add(Models.reaction(n)));
          // one page of 100 holds every reaction a human approval needs; more are not read
          return Optional.of(new Tagged<>(List.copyOf(reactions), r.etag()));
        });
  }

  GitHubResult<Reaction> createReaction(Repo repo, long commentId, String content) {
    return direct(
        repo,
        "reacting " + content + " on comment " + commentId + " in \"" + repo + "\"",
        GitHubRequest.post(
            commentPath(repo, commentId) + "/reactions", Json.object().put("content", content)),
        r -> Models.reaction(r.json()));
  }

  GitHubResult<Done> deleteReaction(Repo repo, long commentId, long reactionId) {
    return direct(
        repo,
        "deleting reaction " + reactionId + " on comment " + commentId + " in \"" + repo + "\"",
        GitHubRequest.delete(commentPath(repo, commentId) + "/reactions/" + reactionId),
        r -> Done.DONE);
  }

  private <T> GitHubResult<T> direct(
      Repo repo, String what, GitHubRequest request, Function<GitHubResponse, T> parse) {
    return clients.forRepo(repo, what).flatMap(c -> Calls.expect(c.send(request), what, parse));
  }

  static String ref(Repo repo, int number) {
    return "\"" + repo + "#" + number + "\"";
  }

  private static String issuePath(Repo repo, int number) {
    return GitHubRequest.path("/repos/%s/%s/issues/%s", repo.owner(), repo.name(), number);
  }

  private static String commentPath(Repo repo, long id) {
    return GitHubRequest.path("/repos/%s/%s/issues/comments/%s", repo.owner(), repo.name(), id);
  }
}
