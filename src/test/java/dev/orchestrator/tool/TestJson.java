package dev.orchestrator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** JSON for tests: literals and the payload fixtures under {@code payloads/}. */
final class TestJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestJson() {}

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode payload(String name) {
    try (InputStream in = TestJson.class.getResourceAsStream("/payloads/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("no payload fixture " + name);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
