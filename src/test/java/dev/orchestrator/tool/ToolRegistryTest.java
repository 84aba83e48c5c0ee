package dev.orchestrator.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolRegistryTest {
  private static final ToolRegistry TOOLS = ToolRegistry.standard();

  @Test
  void namesAndRisksAreTheProductsTableInOrder() {
    Map<String, Risk> registered = new LinkedHashMap<>();
    TOOLS.all().forEach(t -> registered.put(t.name(), t.risk()));
    assertThat(registered).containsExactlyEntriesOf(ToolNames.all());
    assertThat(TOOLS.names()).containsExactlyElementsOf(ToolNames.all().keySet());
  }

  @Test
  void everySchemaIsValidDraft202012() {
    JsonSchema meta =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    for (Tool tool : TOOLS.all()) {
      assertThat(meta.validate(tool.argumentSchema())).as(tool.name()).isEmpty();
    }
  }

  @Test
  void everySchemaIsAClosedObjectWithoutOwnerOrRepo() {
    for (Tool tool : TOOLS.all()) {
      JsonNode schema = tool.argumentSchema();
      assertThat(schema.path("$schema").asText())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(schema.path("type").asText()).as(tool.name()).isEqualTo("object");
      assertThat(schema.path("additionalProperties").isBoolean()).as(tool.name()).isTrue();
      assertThat(schema.path("additionalProperties").asBoolean()).as(tool.name()).isFalse();
      assertThat(schema.path("properties").has("owner")).isFalse();
      assertThat(schema.path("properties").has("repo")).isFalse();
      for (JsonNode required : schema.path("required")) {
        assertThat(schema.path("properties").has(required.asText()))
            .as(tool.name() + " requires " + required)
            .isTrue();
      }
      schema
          .path("properties")
          .properties()
          .forEach(
              p ->
                  assertThat(p.getValue().path("description").asText())
                      .as(tool.name() + "." + p.getKey() + " description")
                      .isNotBlank());
    }
  }

  @Test
  void theArgumentsAreExactlyTheProductsTable() {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("get_issue", List.of("number"));
    expected.put("get_pull_request", List.of("number"));
    expected.put("list_comments", List.of("number", "since"));
    expected.put("list_pr_files", List.of("number"));
    expected.put("get_file", List.of("path", "ref"));
    expected.put("search_issues", List.of("query", "limit"));
    expected.put("get_health", List.of("lookback_hours"));
    expected.put("post_comment", List.of("number", "body"));
    expected.put("add_labels", List.of("number", "labels"));
    expected.put("remove_label", List.of("number", "label"));
    expected.put("assign", List.of("number", "assignees"));
    expected.put("create_issue", List.of("title", "body", "labels"));
    expected.put("create_check_run", List.of("name", "head_sha", "summary"));
    expected.put("close_issue", List.of("number", "reason"));
    Map<String, List<String>> actual = new LinkedHashMap<>();
    for (Tool tool : TOOLS.all()) {
      List<String> names = new ArrayList<>();
      tool.argumentSchema().path("properties").properties().forEach(p -> names.add(p.getKey()));
      actual.put(tool.name(), names);
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Test
  void everyToolDescribesItself() {
    for (Tool tool : TOOLS.all()) {
      assertThat(tool.description()).as(tool.name()).isNotBlank().endsWith(".");
    }
  }

  @Test
  void theSchemaHandedOutIsACopy() {
    Tool tool = TOOLS.get("get_issue");
    ((ObjectNode) tool.argumentSchema()).remove("required");
    assertThat(tool.argumentSchema().has("required")).isTrue();
  }

  @Test
  void anUnknownToolFailsWithItsClass() {
    ToolContext ctx = ToolContext.offline(1, null, false, lookback -> TestJson.parse("{}"));
    ToolResult result = TOOLS.execute(new ToolCall("delete_repo", null, 0), ctx);
    assertThat(result.failureClass()).contains(ErrorClasses.UNKNOWN_TOOL);
    assertThat(result.summary())
        .startsWith("unknown tool \"delete_repo\"; known tools: get_issue, ");
    assertThat(TOOLS.find("delete_repo")).isEmpty();
    assertThatThrownBy(() -> TOOLS.get("delete_repo")).hasMessage("unknown tool \"delete_repo\"");
  }

  @Test
  void aNameCannotBeRegisteredTwice() {
    Tool one = TOOLS.get("get_issue");
    assertThatThrownBy(() -> new ToolRegistry(List.of(one, one)))
        .hasMessage("tool \"get_issue\" is registered twice");
  }

  @Test
  void aToolRefusesAnotherToolsCall() {
    ToolContext ctx = ToolContext.offline(1, null, false, lookback -> TestJson.parse("{}"));
    assertThatThrownBy(
            () -> TOOLS.get("get_issue").execute(new ToolCall("close_issue", null, 0), ctx))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
