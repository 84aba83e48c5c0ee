package dev.orchestrator.dispatch;

import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.github.GitHubResult;
import dev.orchestrator.github.Repo;
import dev.orchestrator.github.RepoFile;
import dev.orchestrator.github.Tagged;
import dev.orchestrator.mission.MissionLoader;
import dev.orchestrator.mission.MissionSource;
import dev.orchestrator.mission.Problem;
import dev.orchestrator.mission.RepositoryConfig;
import java.util.List;
import java.util.Optional;

/**
 * Reads a repository's {@code .github/agent.yml} from its default branch with a conditional
 * request. Its text is kept as read: which names it may mention depends on the repository's
 * missions, so it is parsed when a view is built.
 */
final class RepositoryConfigFile {
  /**
   * The file as last read.
   *
   * @param text empty when the repository has no such file (or it is not UTF-8)
   * @param problems what is wrong with the file before parsing (not UTF-8)
   */
  record Snapshot(Optional<String> text, Optional<String> etag, List<Problem> problems) {
    Snapshot {
      problems = List.copyOf(problems);
    }

    static Snapshot absent() {
      return new Snapshot(Optional.empty(), Optional.empty(), List.of());
    }
  }

  /** The outcome of reading: the file (or that there is none), or why GitHub could not say. */
  sealed interface Read {
    /** GitHub answered: the file, its absence (404), or the previous read unchanged (304). */
    record Fresh(Snapshot snapshot) implements Read {}

    /**
     * GitHub could not answer (5xx, timeout, a rate limit, an open breaker, no token): whether the
     * file exists is unknown, and asking again later may tell.
     */
    record Failed(String reason) implements Read {}

    /**
     * GitHub answered, but not with the file (a 4xx other than 404, a directory where the file
     * should be): asking again will not help, so it counts as absent, as it always has.
     */
    record Refused(String reason) implements Read {}
  }

  private final GitHubGateway gateway;

  private static final String UNEXPECTED_304 =
      "GitHub answered 304 Not Modified to a read that sent no ETag";

  RepositoryConfigFile(GitHubGateway gateway) {
    this.gateway = gateway;
  }

  /**
   * The file now, reusing {@code previous} on a 304. A 404 means there is no file (not opted in);
   * GitHub not answering is {@link Read.Failed}, since GitHub did not say; a refusal is {@link
   * Read.Refused}.
   */
  Read read(Repo repo, Optional<Snapshot> previous) {
    GitHubResult<Optional<Tagged<RepoFile>>> r =
        gateway.getFile(
            repo, RepositoryConfig.PATH, Optional.empty(), previous.flatMap(Snapshot::etag));
    if (r instanceof GitHubResult.NotFound) {
      return new Read.Fresh(Snapshot.absent());
    }
    if (r instanceof GitHubResult.Failed<?> f && !f.infrastructure()) {
      return new Read.Refused(r.describe());
    }
    if (!(r instanceof GitHubResult.Ok<Optional<Tagged<RepoFile>>> ok)) {
      return new Read.Failed(r.describe()); // 5xx, timeout, rate limit (deferred), no token
    }
    if (ok.value().isEmpty()) {
      // 304: GitHub confirmed the read whose ETag was sent
      return previous.<Read>map(Read.Fresh::new).orElseGet(() -> new Read.Failed(UNEXPECTED_304));
    }
    Tagged<RepoFile> file = ok.value().get();
    Optional<MissionSource> text =
        MissionSource.decode(RepositoryConfig.PATH, file.value().content());
    return new Read.Fresh(
        text.isPresent()
            ? new Snapshot(Optional.of(text.get().text()), file.etag(), List.of())
            : new Snapshot(
                Optional.empty(),
                file.etag(),
                List.of(new Problem(RepositoryConfig.PATH, 0, 0, MissionLoader.NOT_UTF8))));
  }
}
