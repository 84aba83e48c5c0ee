package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads {@code tools/<name>.schema.json} from the classpath: the one source of each schema. */
final class ToolSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ToolSchemas() {}

  static JsonNode load(String tool) {
    String resource = "/tools/" + tool + ".schema.json";
    try (InputStream in = ToolSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("loading tool \"" + tool + "\": no " + resource);
      }
      JsonNode schema = JSON.readTree(in);
      if (!schema.path("description").isTextual()) {
        throw new IllegalStateException(
            "loading tool \"" + tool + "\": " + resource + " has no description");
      }
      return schema;
    } catch (IOException e) {
      throw new UncheckedIOException("loading tool \"" + tool + "\": reading " + resource, e);
    }
  }
}
