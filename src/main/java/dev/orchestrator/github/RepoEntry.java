package dev.orchestrator.github;

/**
 * One entry of a directory listing from the contents API ({@code GET
 * /repos/{owner}/{repo}/contents/{path}} on a directory answers an array of these, without
 * content).
 *
 * @param type {@code file}, {@code dir} or {@code symlink}; GitHub lists a submodule as {@code
 *     file} for compatibility
 * @param name the last path segment
 * @param path the full path in the repository
 * @param sha the blob (or tree) id: a file with the same sha has the same bytes
 * @param size bytes, 0 for a directory
 */
public record RepoEntry(String type, String name, String path, String sha, long size) {
  public boolean isFile() {
    return type.equals("file");
  }
}
