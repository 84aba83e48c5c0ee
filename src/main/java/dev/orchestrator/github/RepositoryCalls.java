package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Pull requests, check runs, search, contents, the default branch and permissions. */
final class RepositoryCalls {
  /** GitHub's largest search page. */
  static final int MAX_SEARCH = 100;

  private final Clients clients;

  RepositoryCalls(Clients clients) {
    this.clients = clients;
  }

  GitHubResult<PullRequest> getPullRequest(Repo repo, int number) {
    return direct(
        repo,
        "getting pull request " + IssueCalls.ref(repo, number),
        GitHubRequest.get(
            GitHubRequest.path("/repos/%s/%s/pulls/%s", repo.owner(), repo.name(), number)),
        r -> Models.pullRequest(r.json()));
  }

  GitHubResult<List<PullRequestFile>> listPullRequestFiles(Repo repo, int number) {
    String what = "listing files of pull request " + IssueCalls.ref(repo, number);
    GitHubRequest first =
        GitHubRequest.get(
                GitHubRequest.path(
                    "/repos/%s/%s/pulls/%s/files", repo.owner(), repo.name(), number))
            .with("per_page", 100);
    return clients.forRepo(repo, what).flatMap(c -> Calls.all(c, first, what, Models::file));
  }

  GitHubResult<CheckRun> createCheckRun(Repo repo, CheckRunRequest request) {
    String what = "creating check run \"" + request.name().orElse("") + "\" in \"" + repo + "\"";
    return direct(
        repo,
        what,
        GitHubRequest.post(
            GitHubRequest.path("/repos/%s/%s/check-runs", repo.owner(), repo.name()),
            request.toJson()),
        r -> Models.checkRun(r.json()));
  }

  GitHubResult<CheckRun> updateCheckRun(Repo repo, long id, CheckRunRequest request) {
    String what = "updating check run " + id + " in \"" + repo + "\"";
    return direct(
        repo,
        what,
        GitHubRequest.patch(
            GitHubRequest.path("/repos/%s/%s/check-runs/%s", repo.owner(), repo.name(), id),
            request.toJson()),
        r -> Models.checkRun(r.json()));
  }

  /** One page of {@code GET /search/issues}: at most {@code limit} items, never a second page. */
  GitHubResult<SearchResult> searchIssues(Repo repo, String query, int limit) {
    int wanted = Math.max(1, Math.min(limit, MAX_SEARCH));
    GitHubRequest request =
        GitHubRequest.get("/search/issues")
            .with("q", "repo:" + repo.fullName() + " " + query)
            .with("per_page", wanted);
    return direct(
        repo,
        "searching issues of \"" + repo + "\"",
        request,
        r -> {
          JsonNode answer = r.json();
          ObjectNode json = Json.object();
          json.put("total_count", answer.path("total_count").asInt());
          json.put("incomplete_results", answer.path("incomplete_results").asBoolean(false));
          ArrayNode items = json.putArray("items");
          List<Issue> issues = new ArrayList<>();
          for (JsonNode item : answer.path("items")) {
            if (issues.size() < wanted) {
              items.add(item);
              issues.add(Models.issue(item));
            }
          }
          return new SearchResult(answer.path("total_count").asInt(), issues, json);
        });
  }

  GitHubResult<Optional<Tagged<RepoFile>>> getFile(
      Repo repo, String path, Optional<String> ref, Optional<String> etag) {
    String what = "reading \"" + path + "\" in \"" + repo + "\"";
    GitHubRequest request = contents(repo, path, ref, etag);
    GitHubResult<Optional<Tagged<Optional<RepoFile>>>> read =
        direct(
            repo,
            what,
            request,
            r ->
                r.status() == 304
                    ? Optional.empty()
                    : Optional.of(new Tagged<>(Models.repoFile(r.json()), r.etag())));
    return read.flatMap(
        o -> {
          if (o.isEmpty()) {
            return new GitHubResult.Ok<>(Optional.empty());
          }
          Tagged<Optional<RepoFile>> t = o.get();
          if (t.value().isEmpty()) {
            return new GitHubResult.Failed<>(
                200, what + ": not a file", false, FailureKind.UNEXPECTED);
          }
          return new GitHubResult.Ok<>(Optional.of(new Tagged<>(t.value().get(), t.etag())));
        });
  }

  GitHubResult<Optional<Tagged<List<RepoEntry>>>> listDirectory(
      Repo repo, String path, Optional<String> ref, Optional<String> etag) {
    String what = "listing \"" + path + "\" in \"" + repo + "\"";
    GitHubResult<Optional<Tagged<Optional<List<RepoEntry>>>>> read =
        direct(
            repo,
            what,
            contents(repo, path, ref, etag),
            r -> {
              if (r.status() == 304) {
                return Optional.empty();
              }
              JsonNode json = r.json();
              if (!json.isArray()) {
                return Optional.of(new Tagged<>(Optional.empty(), r.etag()));
              }
              List<RepoEntry> entries = new ArrayList<>();
              json.forEach(n -> entries.add(Models.repoEntry(n)));
              return Optional.of(new Tagged<>(Optional.of(List.copyOf(entries)), r.etag()));
            });
    return read.flatMap(
        o -> {
          if (o.isEmpty()) {
            return new GitHubResult.Ok<>(Optional.empty());
          }
          if (o.get().value().isEmpty()) {
            return new GitHubResult.Failed<>(
                200, what + ": not a directory", false, FailureKind.UNEXPECTED);
          }
          return new GitHubResult.Ok<>(
              Optional.of(new Tagged<>(o.get().value().get(), o.get().etag())));
        });
  }

  /** {@code GET …/contents/{path}}, kept by the transport and revalidated with its ETag. */
  private static GitHubRequest contents(
      Repo repo, String path, Optional<String> ref, Optional<String> etag) {
    GitHubRequest first =
        GitHubRequest.get(
            GitHubRequest.path("/repos/%s/%s/contents/", repo.owner(), repo.name())
                + GitHubRequest.filePath(path));
    GitHubRequest withRef = ref.map(r -> first.with("ref", r)).orElse(first).cached();
    return etag.map(withRef::ifNoneMatch).orElse(withRef);
  }

  GitHubResult<String> defaultBranch(Repo repo) {
    String what = "reading the default branch of \"" + repo + "\"";
    return clients
        .forRepo(repo, what)
        .flatMap(c -> Calls.kohsuke(what, () -> clients.repository(c, repo).getDefaultBranch()));
  }

  GitHubResult<Permission> permission(Repo repo, String login) {
    String what = "reading the permission of \"" + login + "\" on \"" + repo + "\"";
    GitHubResult<Permission> r =
        direct(
            repo,
            what,
            GitHubRequest.get(
                GitHubRequest.path(
                    "/repos/%s/%s/collaborators/%s/permission", repo.owner(), repo.name(), login)),
            x -> Models.permission(x.json()));
    return r instanceof GitHubResult.NotFound ? new GitHubResult.Ok<>(Permission.NONE) : r;
  }

  private <T> GitHubResult<T> direct(
      Repo repo, String what, GitHubRequest request, Function<GitHubResponse, T> parse) {
    return clients.forRepo(repo, what).flatMap(c -> Calls.expect(c.send(request), what, parse));
  }
}
