package dev.orchestrator.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/** JSON output: indented, with the few value conventions every command shares. */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static void print(PrintWriter out, JsonNode node) {
    try {
      out.println(MAPPER.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing JSON output: " + e.getMessage(), e);
    }
  }

  /** An instant as ISO-8601 text, or null. */
  static void put(ObjectNode node, String key, Optional<Instant> instant) {
    if (instant.isPresent()) {
      node.put(key, instant.get().toString());
    } else {
      node.putNull(key);
    }
  }

  /** A number rounded to {@code decimals} (sums of doubles carry noise), or null. */
  static void putRounded(ObjectNode node, String key, Optional<Double> value, int decimals) {
    if (value.isPresent()) {
      node.put(key, round(value.get(), decimals));
    } else {
      node.putNull(key);
    }
  }

  static BigDecimal round(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
  }
}
