package dev.orchestrator.mission;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text into a {@link YamlNode} tree from the parser's token stream, keeping the 1-based
 * position of every key and value. Syntax errors, duplicate keys, aliases and extra documents are
 * reported as problems, never thrown.
 */
final class YamlTree {
  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final YAMLParser parser;
  private final Problems problems;

  private YamlTree(YAMLParser parser, Problems problems) {
    this.parser = parser;
    this.problems = problems;
  }

  /** The document's root node, or empty when the text is empty or not valid YAML. */
  static Optional<YamlNode> parse(String text, Problems problems) {
    try (YAMLParser p = FACTORY.createParser(text)) {
      YamlTree tree = new YamlTree(p, problems);
      try {
        return tree.document();
      } catch (JsonProcessingException e) {
        YamlSyntax.report(e, p, problems);
        return Optional.empty();
      }
    } catch (IOException e) {
      // Reading from a String cannot fail; closing it neither.
      throw new UncheckedIOException(e);
    }
  }

  private Optional<YamlNode> document() throws IOException {
    if (parser.nextToken() == null) {
      problems.at(1, 1, "empty file: expected a mission with keys such as name, goal, planner");
      return Optional.empty();
    }
    YamlNode root = node();
    if (parser.nextToken() != null) {
      JsonLocation l = parser.currentTokenLocation();
      problems.at(
          l.getLineNr(), l.getColumnNr(), "a second YAML document: a file holds one mission");
    }
    return Optional.of(root);
  }

  /** Reads the value starting at the current token, leaving the parser on its last token. */
  private YamlNode node() throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return mapping(line, column);
    }
    if (token == JsonToken.START_ARRAY) {
      List<YamlNode> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(node());
      }
      return new YamlNode.Sequence(items, line, column);
    }
    if (parser.isCurrentAlias()) {
      problems.at(line, column, "aliases (*name) are not supported in missions; write the value");
    }
    return new YamlNode.Scalar(scalar(token), line, column);
  }

  private YamlNode mapping(int line, int column) throws IOException {
    List<YamlNode.Entry> entries = new ArrayList<>();
    Map<String, YamlNode.Entry> seen = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      JsonLocation at = parser.currentTokenLocation();
      String key = parser.currentName();
      parser.nextToken();
      YamlNode.Entry entry = new YamlNode.Entry(key, at.getLineNr(), at.getColumnNr(), node());
      YamlNode.Entry first = seen.putIfAbsent(key, entry);
      if (first == null) {
        entries.add(entry);
      } else {
        problems.atKey(
            entry,
            "duplicate key \"" + key + "\" (first at " + first.line() + ":" + first.column() + ")");
      }
    }
    return new YamlNode.Mapping(entries, line, column);
  }

  private JsonNode scalar(JsonToken token) throws IOException {
    switch (token) {
      case VALUE_STRING:
        return JSON.textNode(parser.getText());
      case VALUE_TRUE:
        return JSON.booleanNode(true);
      case VALUE_FALSE:
        return JSON.booleanNode(false);
      case VALUE_NUMBER_INT:
        return integer();
      case VALUE_NUMBER_FLOAT:
        return decimal();
      case VALUE_NULL:
        return JSON.nullNode();
      default: // VALUE_EMBEDDED_OBJECT, e.g. !!binary: keep what was written
        return JSON.textNode(parser.getText());
    }
  }

  private JsonNode integer() throws IOException {
    switch (parser.getNumberType()) {
      case INT:
        return JSON.numberNode(parser.getIntValue());
      case LONG:
        return JSON.numberNode(parser.getLongValue());
      default:
        return JSON.numberNode(parser.getBigIntegerValue());
    }
  }

  /** YAML's {@code .inf} and {@code .nan} are not numbers a mission can use: keep them as text. */
  private JsonNode decimal() throws IOException {
    String text = parser.getText();
    try {
      double d = parser.getDoubleValue();
      return Double.isFinite(d) ? JSON.numberNode(d) : JSON.textNode(text);
    } catch (JsonProcessingException | NumberFormatException e) {
      return JSON.textNode(text);
    }
  }
}
