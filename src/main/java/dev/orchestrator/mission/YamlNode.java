package dev.orchestrator.mission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A YAML document as a tree that remembers where every key and value started (1-based), so that
 * validation can point at the offending text. Scalars keep YAML's own typing (text, number,
 * boolean, null) as a Jackson value.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {
  int line();

  int column();

  /** The node as plain JSON, positions dropped. */
  JsonNode toJson();

  /** How a message names what was found: {@code "abc"}, {@code 12}, {@code a list}. */
  String describe();

  /** A text, number, boolean or null value. */
  record Scalar(JsonNode value, int line, int column) implements YamlNode {
    @Override
    public JsonNode toJson() {
      return value.deepCopy();
    }

    @Override
    public String describe() {
      if (value.isNull()) {
        return "nothing";
      }
      return value.isTextual() ? Words.quote(value.textValue()) : value.asText();
    }

    /** The text, when this scalar is a YAML string. */
    Optional<String> text() {
      return value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }
  }

  /** One {@code key: value} pair; the position is the key's. */
  record Entry(String key, int line, int column, YamlNode value) {}

  /** A mapping, its entries in document order (duplicate keys are reported and dropped). */
  record Mapping(List<Entry> entries, int line, int column) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    Optional<Entry> get(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    @Override
    public JsonNode toJson() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      entries.forEach(e -> o.set(e.key(), e.value().toJson()));
      return o;
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A list. */
  record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public JsonNode toJson() {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      items.forEach(i -> a.add(i.toJson()));
      return a;
    }

    @Override
    public String describe() {
      return "a list";
    }
  }
}
