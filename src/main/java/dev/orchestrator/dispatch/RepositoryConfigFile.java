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

  private final GitHubGateway gateway;

  RepositoryConfigFile(GitHubGateway gateway) {
    this.gateway = gateway;
  }

  /** The file now, reusing {@code previous} on a 304; empty when GitHub could not be asked. */
  Optional<Snapshot> read(Repo repo, Optional<Snapshot> previous) {
    GitHubResult<Optional<Tagged<RepoFile>>> r =
        gateway.getFile(
            repo, RepositoryConfig.PATH, Optional.empty(), previous.flatMap(Snapshot::etag));
    if (r instanceof GitHubResult.NotFound) {
      return Optional.of(Snapshot.absent());
    }
    if (!(r instanceof GitHubResult.Ok<Optional<Tagged<RepoFile>>> ok)) {
      return Optional.empty();
    }
    if (ok.value().isEmpty()) {
      return previous; // 304
    }
    Tagged<RepoFile> file = ok.value().get();
    Optional<MissionSource> text =
        MissionSource.decode(RepositoryConfig.PATH, file.value().content());
    return Optional.of(
        text.isPresent()
            ? new Snapshot(Optional.of(text.get().text()), file.etag(), List.of())
            : new Snapshot(
                Optional.empty(),
                file.etag(),
                List.of(new Problem(RepositoryConfig.PATH, 0, 0, MissionLoader.NOT_UTF8))));
  }
}
