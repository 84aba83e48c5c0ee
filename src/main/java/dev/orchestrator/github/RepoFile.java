package dev.orchestrator.github;

import java.nio.charset.StandardCharsets;

/** A file's content at a ref, decoded from the contents API's base64. */
public record RepoFile(String path, String sha, byte[] content) {
  public RepoFile {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
