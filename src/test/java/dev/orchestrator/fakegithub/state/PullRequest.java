package dev.orchestrator.fakegithub.state;

import java.util.List;

/**
 * What a pull request has beyond its issue.
 *
 * @param headSha the head commit
 * @param headRef the head branch
 * @param baseRef the base branch
 * @param draft whether it is a draft
 * @param files the changed files, as {@code GET …/pulls/{n}/files} lists them
 */
public record PullRequest(
    String headSha, String headRef, String baseRef, boolean draft, List<PullFile> files) {

  /** Normalises the file list to an immutable copy. */
  public PullRequest {
    files = List.copyOf(files);
  }

  /**
   * One changed file.
   *
   * @param filename path in the repository
   * @param status {@code added}, {@code modified}, {@code removed}, {@code renamed}, …
   * @param additions added lines
   * @param deletions deleted lines
   * @param patch the unified diff hunk, may be null (binary or too large)
   */
  public record PullFile(
      String filename, String status, int additions, int deletions, String patch) {}
}
