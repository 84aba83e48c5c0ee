package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * A file's content at a ref, decoded from the contents API's base64.
 *
 * @param json GitHub's content object as received ({@code type}, {@code path}, {@code sha}, {@code
 *     size}, {@code encoding}, {@code content}, …)
 */
public record RepoFile(String path, String sha, byte[] content, JsonNode json) {
  public RepoFile {
    content = content.clone();
    json = json.deepCopy();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** A copy of GitHub's object. */
  @Override
  public JsonNode json() {
    return json.deepCopy();
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
