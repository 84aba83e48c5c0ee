package dev.orchestrator.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Text from GitHub on its way to a model: issue, pull request and comment text, files, diffs, tool
 * outputs. {@link #clean} removes what a reader of the page does not see but a model would read:
 * HTML comments (GitHub hides them), zero-width and bidirectional control characters, Unicode tag
 * characters and variation selectors (both used to smuggle invisible text). {@link #wrap} delimits
 * the text as data so the system message can tell the model never to follow it.
 */
public final class Untrusted {
  /**
   * An HTML comment: {@code <!-->} and {@code <!--->} end at once (HTML's abrupt closing), an
   * unclosed one hides the rest of the text.
   */
  private static final Pattern HTML_COMMENT =
      Pattern.compile("<!--(?:>|->|[\\s\\S]*?-->|[\\s\\S]*\\z)");

  private static final Pattern OPEN_TAG =
      Pattern.compile("<(/?)(untrusted-data)", Pattern.CASE_INSENSITIVE);

  private Untrusted() {}

  /** {@code text} without HTML comments and invisible characters. */
  public static String clean(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    // Invisible characters first: "<!\u200B--" must not survive as "<!--" once they are gone.
    StringBuilder visible = new StringBuilder(text.length());
    text.codePoints().filter(cp -> !invisible(cp)).forEach(visible::appendCodePoint);
    String out = visible.toString();
    // Removing one comment can join a new one ("<!<!---->-- x -->"): repeat until none is left.
    for (String next = strip(out); !next.equals(out); next = strip(out)) {
      out = next;
    }
    return out;
  }

  private static String strip(String text) {
    return text.contains("<!--") ? HTML_COMMENT.matcher(text).replaceAll("") : text;
  }

  /** True for characters that change or hide what is read without being seen. */
  static boolean invisible(int cp) {
    return cp == 0x00AD // soft hyphen
        || cp == 0x061C // arabic letter mark
        || cp == 0x180E // mongolian vowel separator
        || (cp >= 0x200B && cp <= 0x200F) // zero-width space, joiners, LRM, RLM
        || (cp >= 0x202A && cp <= 0x202E) // bidirectional embeddings and overrides
        || (cp >= 0x2060 && cp <= 0x2064) // word joiner, invisible operators
        || (cp >= 0x2066 && cp <= 0x206F) // bidirectional isolates, deprecated format characters
        || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
        || cp == 0xFEFF // zero-width no-break space
        || (cp >= 0xE0000 && cp <= 0xE007F) // tag characters
        || (cp >= 0xE0100 && cp <= 0xE01EF); // variation selectors supplement
  }

  /** A copy of {@code node} with every string value cleaned (keys are GitHub's own). */
  public static JsonNode clean(JsonNode node) {
    if (node == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (node.isTextual()) {
      return TextNode.valueOf(clean(node.asText()));
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(child -> out.add(clean(child)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.set(e.getKey(), clean(e.getValue()));
      }
      return out;
    }
    return node.deepCopy();
  }

  /**
   * {@code text}, cleaned, between {@code <untrusted-data source="...">} and {@code
   * </untrusted-data>}; a tag of that name inside the text is escaped so it cannot close the block.
   */
  public static String wrap(String source, String text) {
    String inner = OPEN_TAG.matcher(clean(text)).replaceAll("&lt;$1$2");
    return "<untrusted-data source=\""
        + source.replaceAll("[^A-Za-z0-9 #_.:/-]", "_")
        + "\">\n"
        + inner
        + "\n</untrusted-data>";
  }

  /** {@code text} cut to {@code max} characters, saying how much was left out. */
  public static String cap(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int keep = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, keep)
        + "\n… (cut: "
        + (text.length() - keep)
        + " more characters were left out)";
  }
}
