package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code get_file}: a text file of the run's repository. Refuses secret-looking paths before asking
 * GitHub and again for the path GitHub answered with (a symlink can point at a secret), and answers
 * {@code {path, sha, size, content, truncated}} with the content decoded as UTF-8.
 */
final class GetFile extends BaseTool {
  /** The most characters of a file handed to a step or a model. */
  static final int MAX_CONTENT_CHARS = 100_000;

  GetFile() {
    super("get_file");
  }

  @Override
  ToolResult run(Args args, ToolCall call, ToolContext ctx) {
    String path = args.text("path");
    Optional<ToolResult> refusal = refusal(path);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    ToolResult answer = ctx.repositoryPort().getFile(path, args.optionalText("ref"));
    if (!(answer instanceof ToolResult.Ok)) {
      return answer;
    }
    return file(path, answer.output());
  }

  static Optional<ToolResult> refusal(String path) {
    if (SecretPaths.isSecretLooking(path)) {
      return Optional.of(
          new ToolResult.Refused(
              "get_file refuses \"" + path + "\": the path looks like it holds secrets"));
    }
    if (path.startsWith("/") || path.contains("\\") || hasDotSegment(path)) {
      return Optional.of(
          new ToolResult.Refused(
              "get_file refuses \""
                  + path
                  + "\": give a path from the repository root without \"/\" at the start,"
                  + " backslashes, \".\" or \"..\""));
    }
    return Optional.empty();
  }

  private static boolean hasDotSegment(String path) {
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static ToolResult file(String asked, JsonNode content) {
    if (!content.isObject() || !"file".equals(content.path("type").asText())) {
      return ToolResult.failed(
          ErrorClasses.NOT_A_FILE,
          "get_file: \"" + asked + "\" is a " + kind(content) + ", not a file");
    }
    String path = content.path("path").asText(asked);
    if (SecretPaths.isSecretLooking(path)) {
      return new ToolResult.Refused(
          "get_file refuses \"" + asked + "\": it leads to \"" + path + "\", which looks secret");
    }
    if (!"base64".equals(content.path("encoding").asText())) {
      return ToolResult.failed(
          ErrorClasses.NOT_A_FILE,
          "get_file: GitHub did not inline the content of \""
              + path
              + "\" (encoding \""
              + content.path("encoding").asText()
              + "\"; files over 1 MB are not inlined)");
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("path", path);
    out.put("sha", content.path("sha").asText());
    out.put("size", content.path("size").asLong());
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(content.path("content").asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "get_file: GitHub sent invalid base64 for \"" + path + "\"", e);
    }
    Optional<String> text = utf8(bytes);
    if (text.isEmpty()) {
      out.put("binary", true);
      out.put("truncated", false);
      return ToolResult.ok(out);
    }
    String full = text.get();
    boolean truncated = full.length() > MAX_CONTENT_CHARS;
    int end = MAX_CONTENT_CHARS;
    if (truncated && Character.isHighSurrogate(full.charAt(end - 1))) {
      end--;
    }
    out.put("content", truncated ? full.substring(0, end) : full);
    out.put("truncated", truncated);
    return ToolResult.ok(out);
  }

  private static String kind(JsonNode content) {
    if (content.isArray()) {
      return "directory";
    }
    String type = content.path("type").asText();
    return type.isEmpty() ? "thing GitHub did not describe" : type;
  }

  private static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
