package dev.orchestrator.fakegithub.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.http.Links;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.Files;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Repository-shaped JSON: repositories and file contents. */
final class RepoViews {
  private final Views views;

  RepoViews(Views views) {
    this.views = views;
  }

  /**
   * Overlays {@code repo} on a repository template: identity fields are set, and every URL that
   * named the example's repository is pointed at this one.
   */
  ObjectNode repository(ObjectNode base, FakeRepo repo, Links links) {
    String exampleName = base.path("full_name").asText();
    if (!exampleName.isEmpty()) {
      for (Map.Entry<String, JsonNode> e : List.copyOf(base.properties())) {
        if (e.getValue().isTextual() && e.getValue().asText().contains(exampleName)) {
          base.put(e.getKey(), e.getValue().asText().replace(exampleName, repo.fullName()));
        }
      }
    }
    base.put("id", repo.id());
    base.put("node_id", Views.nodeId("Repository", repo.id()));
    base.put("name", repo.name());
    base.put("full_name", repo.fullName());
    base.set("owner", views.user(repo.owner(), links));
    base.put("private", false);
    base.put("html_url", links.web("/" + repo.fullName()));
    base.put("url", links.api("/repos/" + repo.fullName()));
    base.put("fork", false);
    if (base.has("default_branch") || base.has("visibility")) {
      base.put("default_branch", repo.defaultBranch());
      base.put("visibility", "public");
    }
    return base;
  }

  /** A file of {@code GET …/contents/{path}}, on a file example. */
  ObjectNode file(
      ObjectNode base, FakeRepo repo, String ref, String path, byte[] content, Links links) {
    entry(base, repo, ref, new Files.Entry(path, false, content), links);
    base.put("encoding", "base64");
    // GitHub wraps the base64 at 60 characters with "\n"
    base.put(
        "content", Base64.getMimeEncoder(60, new byte[] {'\n'}).encodeToString(content) + "\n");
    return base;
  }

  /** One entry of a directory listing (or the common part of a file). */
  ObjectNode entry(ObjectNode base, FakeRepo repo, String ref, Files.Entry e, Links links) {
    String sha =
        e.directory()
            ? fakeSha(repo.fullName() + "@" + ref + ":" + e.path())
            : blobSha(e.content());
    String encoded = Paths.encodePath(e.path());
    String self = links.api("/repos/" + repo.fullName() + "/contents/" + encoded + "?ref=" + ref);
    String git =
        links.api(
            "/repos/" + repo.fullName() + (e.directory() ? "/git/trees/" : "/git/blobs/") + sha);
    String html =
        links.web(
            "/" + repo.fullName() + (e.directory() ? "/tree/" : "/blob/") + ref + "/" + encoded);
    base.put("type", e.directory() ? "dir" : "file");
    base.put("size", e.directory() ? 0 : e.content().length);
    base.put("name", e.name());
    base.put("path", e.path());
    base.put("sha", sha);
    base.put("url", self);
    base.put("git_url", git);
    base.put("html_url", html);
    if (e.directory()) {
      base.putNull("download_url");
    } else {
      base.put("download_url", links.web("/" + repo.fullName() + "/raw/" + ref + "/" + encoded));
    }
    ObjectNode ls = base.putObject("_links");
    ls.put("self", self);
    ls.put("git", git);
    ls.put("html", html);
    return base;
  }

  /** Git's blob id: SHA-1 of {@code "blob <size>\0"} and the bytes. */
  static String blobSha(byte[] content) {
    MessageDigest sha1 = sha1();
    sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
    return HexFormat.of().formatHex(sha1.digest(content));
  }

  /** A stable 40-hex id for things the fake does not store (trees, base commits). */
  static String fakeSha(String seed) {
    return HexFormat.of().formatHex(sha1().digest(seed.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from the JDK", e);
    }
  }
}
