package dev.orchestrator.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code app-manifest.yml} rendered for one {@code PUBLIC_URL}: GitHub's manifest as JSON, with
 * {@code ${PUBLIC_URL}} replaced in its URL fields. Strict like the mission loader: a key that is
 * not one of GitHub's manifest parameters, a placeholder outside a URL field, or a URL field that
 * does not end up an absolute http(s) URL is an error, not a manifest GitHub would half-accept.
 */
public final class Manifest {
  /** The file at the top of the repository. */
  public static final String FILE = "app-manifest.yml";

  public static final String PLACEHOLDER = "${PUBLIC_URL}";

  /** GitHub's manifest parameters, as "Registering a GitHub App from a manifest" lists them. */
  static final Set<String> PARAMETERS =
      Set.of(
          "name",
          "url",
          "hook_attributes",
          "redirect_url",
          "callback_urls",
          "setup_url",
          "description",
          "public",
          "default_events",
          "default_permissions",
          "request_oauth_on_install",
          "setup_on_update");

  private static final Set<String> HOOK_PARAMETERS = Set.of("url", "active");
  private static final YAMLMapper YAML = new YAMLMapper();

  private Manifest() {}

  /** The manifest, or why it cannot be used. */
  public sealed interface Rendered {
    /** The JSON to post as the form's {@code manifest} field. */
    record Ok(ObjectNode json) implements Rendered {}

    /** What is wrong, naming the file. */
    record Invalid(String message) implements Rendered {}
  }

  /** Parses {@code yaml} (read from {@code source}) and fills its URLs from {@code publicUrl}. */
  public static Rendered render(String yaml, String source, URI publicUrl) {
    JsonNode tree;
    try {
      tree = YAML.readTree(yaml);
    } catch (IOException e) {
      return new Rendered.Invalid("reading \"" + source + "\": " + e.getMessage());
    }
    if (tree == null || !tree.isObject()) {
      return new Rendered.Invalid("reading \"" + source + "\": expected a mapping of parameters");
    }
    ObjectNode json = ((ObjectNode) tree).deepCopy();
    List<String> problems = new ArrayList<>();
    String base = publicUrl.toString().replaceAll("/+$", "");
    for (Map.Entry<String, JsonNode> e : json.properties()) {
      String key = e.getKey();
      if (!PARAMETERS.contains(key)) {
        problems.add("\"" + key + "\" is not a GitHub App manifest parameter");
      } else if (key.equals("hook_attributes")) {
        hook(e.getValue(), base, problems);
      } else if (key.equals("callback_urls")) {
        if (!e.getValue().isArray()) {
          problems.add("callback_urls: expected a list of URLs");
        } else {
          ArrayNode urls = (ArrayNode) e.getValue();
          for (int i = 0; i < urls.size(); i++) {
            urls.set(i, url("callback_urls[" + i + "]", urls.get(i), base, problems));
          }
        }
      } else if (key.endsWith("url")) {
        e.setValue(url(key, e.getValue(), base, problems));
      } else if (e.getValue().toString().contains(PLACEHOLDER)) {
        problems.add(key + ": " + PLACEHOLDER + " belongs in URL fields only");
      }
    }
    if (!json.path("name").isTextual() || !json.path("url").isTextual()) {
      problems.add("name and url are required");
    }
    if (!problems.isEmpty()) {
      return new Rendered.Invalid("reading \"" + source + "\": " + String.join("; ", problems));
    }
    return new Rendered.Ok(json);
  }

  private static void hook(JsonNode hook, String base, List<String> problems) {
    if (!hook.isObject()) {
      problems.add("hook_attributes: expected a mapping with url and active");
      return;
    }
    ObjectNode h = (ObjectNode) hook;
    h.fieldNames()
        .forEachRemaining(
            k -> {
              if (!HOOK_PARAMETERS.contains(k)) {
                problems.add("\"hook_attributes." + k + "\" is not a manifest parameter");
              }
            });
    h.set("url", url("hook_attributes.url", h.path("url"), base, problems));
  }

  private static JsonNode url(String field, JsonNode value, String base, List<String> problems) {
    if (!value.isTextual()) {
      problems.add(field + ": expected a URL");
      return value;
    }
    String filled = value.asText().replace(PLACEHOLDER, base);
    try {
      URI u = new URI(filled);
      if (u.getHost() != null && ("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
        return TextNode.valueOf(filled);
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    problems.add(field + ": expected an absolute http(s) URL, found \"" + filled + "\"");
    return value;
  }
}
