package dev.orchestrator.fakegithub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Turns an OpenAPI 3.0 schema into plain JSON Schema (draft 2020-12), which the validator
 * understands: {@code nullable: true} becomes a {@code "null"} type, enum value or alternative, and
 * OpenAPI-only annotations ({@code example}, {@code discriminator}, {@code x-*}) are dropped. It
 * walks keyword by keyword, so a property that happens to be called {@code nullable} stays.
 */
final class SchemaDialect {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> DROPPED = Set.of("nullable", "example", "discriminator", "xml");
  private static final Set<String> SCHEMA_LISTS = Set.of("oneOf", "anyOf", "allOf");
  private static final Set<String> SCHEMA_VALUES = Set.of("items", "additionalProperties", "not");

  private SchemaDialect() {}

  /** The JSON Schema equivalent of an OpenAPI 3.0 schema object. */
  static JsonNode toJsonSchema(JsonNode openApi) {
    if (!openApi.isObject()) {
      return openApi.deepCopy(); // boolean schemas and the like pass through
    }
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> e : openApi.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (DROPPED.contains(key) || key.startsWith("x-")) {
        continue;
      }
      if ("properties".equals(key)) {
        ObjectNode props = out.putObject("properties");
        value.properties().forEach(p -> props.set(p.getKey(), toJsonSchema(p.getValue())));
      } else if (SCHEMA_LISTS.contains(key)) {
        ArrayNode list = out.putArray(key);
        value.forEach(s -> list.add(toJsonSchema(s)));
      } else if (SCHEMA_VALUES.contains(key)) {
        out.set(key, toJsonSchema(value));
      } else {
        out.set(key, value.deepCopy());
      }
    }
    return openApi.path("nullable").asBoolean() ? allowNull(out) : out;
  }

  private static JsonNode allowNull(ObjectNode schema) {
    if (schema.has("enum")) {
      ((ArrayNode) schema.get("enum")).addNull();
    }
    if (schema.path("type").isTextual()) {
      ArrayNode types = NODES.arrayNode().add(schema.get("type").asText()).add("null");
      schema.set("type", types);
      return schema;
    }
    for (String list : new String[] {"oneOf", "anyOf"}) {
      if (schema.has(list)) {
        ((ArrayNode) schema.get(list)).addObject().put("type", "null");
        return schema;
      }
    }
    // no type to widen: accept null or whatever the schema says
    ObjectNode either = NODES.objectNode();
    either.putArray("anyOf").add(NODES.objectNode().put("type", "null")).add(schema);
    return either;
  }
}
