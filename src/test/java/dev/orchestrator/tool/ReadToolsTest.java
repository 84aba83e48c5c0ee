package dev.orchestrator.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadToolsTest {
  private static final ToolRegistry TOOLS = ToolRegistry.standard();

  private final RecordingPort port = new RecordingPort();
  private final List<Duration> healthAsked = new ArrayList<>();
  private JsonNode health =
      TestJson.parse("{\"level\": \"HEALTHY\", \"summary\": \"**HEALTHY**\"}");
  private final ToolContext ctx =
      new ToolContext(
          1,
          Optional.of("octo/hello"),
          null,
          false,
          port,
          lookback -> {
            healthAsked.add(lookback);
            return health;
          });

  private ToolResult call(String tool, String arguments) {
    return TOOLS.execute(new ToolCall(tool, TestJson.parse(arguments), 0), ctx);
  }

  private static JsonNode content(String path, String text) {
    String base64 = Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    return TestJson.parse(
        "{\"type\": \"file\", \"encoding\": \"base64\", \"size\": "
            + text.length()
            + ", \"name\": \"x\", \"path\": \""
            + path
            + "\", \"sha\": \"3d21ec53a331a6f037a91c368710b99387d012c1\", \"content\": \""
            + base64.replace("\r\n", "\\n")
            + "\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {".env", "config/prod.pem", ".ssh/id_rsa", "A/.AWS/credentials"})
  void getFileRefusesSecretsWithoutAskingGitHub(String path) {
    ToolResult result = call("get_file", "{\"path\": \"" + path + "\"}");
    assertThat(port.calls).isEmpty();
    assertThat(result).isInstanceOf(ToolResult.Refused.class);
    assertThat(result.summary())
        .isEqualTo("get_file refuses \"" + path + "\": the path looks like it holds secrets");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/passwd", "../other/README.md", "docs/../README.md", "./a", "a//b"})
  void getFileRefusesPathsOutsideTheRepositoryRoot(String path) {
    ToolResult result = call("get_file", "{\"path\": \"" + path + "\"}");
    assertThat(port.calls).isEmpty();
    assertThat(result.failureClass()).contains(ErrorClasses.REFUSED);
  }

  @Test
  void getFileDecodesTheContent() {
    port.next = ToolResult.ok(content("docs/README.md", "# Hello\nwörld\n".repeat(100)));
    ToolResult result = call("get_file", "{\"path\": \"docs/README.md\", \"ref\": \"main\"}");
    assertThat(port.calls).containsExactly("getFile \"docs/README.md\" Optional[main]");
    assertThat(result.output().path("content").asText()).isEqualTo("# Hello\nwörld\n".repeat(100));
    assertThat(result.output().path("path").asText()).isEqualTo("docs/README.md");
    assertThat(result.output().path("truncated").asBoolean()).isFalse();
  }

  @Test
  void getFileCutsHugeFiles() {
    port.next = ToolResult.ok(content("big.txt", "z".repeat(GetFile.MAX_CONTENT_CHARS + 5)));
    ToolResult result = call("get_file", "{\"path\": \"big.txt\"}");
    assertThat(result.output().path("content").asText()).hasSize(GetFile.MAX_CONTENT_CHARS);
    assertThat(result.output().path("truncated").asBoolean()).isTrue();
  }

  @Test
  void getFileMarksBinaryFiles() {
    String binary = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    port.next =
        ToolResult.ok(
            TestJson.parse(
                "{\"type\": \"file\", \"encoding\": \"base64\", \"path\": \"logo.png\","
                    + " \"size\": 4, \"sha\": \"s\", \"content\": \""
                    + binary
                    + "\"}"));
    ToolResult result = call("get_file", "{\"path\": \"logo.png\"}");
    assertThat(result.output().path("binary").asBoolean()).isTrue();
    assertThat(result.output().has("content")).isFalse();
  }

  @Test
  void getFileRefusesASymlinkThatLeadsToASecret() {
    port.next = ToolResult.ok(content("config/.env", "TOKEN=x"));
    ToolResult result = call("get_file", "{\"path\": \"config/settings\"}");
    assertThat(result).isInstanceOf(ToolResult.Refused.class);
    assertThat(result.summary()).doesNotContain("TOKEN");
  }

  @Test
  void getFileSaysWhenThePathIsADirectory() {
    port.next = ToolResult.ok(TestJson.parse("[{\"type\": \"file\", \"path\": \"docs/a.md\"}]"));
    ToolResult result = call("get_file", "{\"path\": \"docs\"}");
    assertThat(result.failureClass()).contains(ErrorClasses.NOT_A_FILE);
    assertThat(result.summary()).isEqualTo("get_file: \"docs\" is a directory, not a file");
  }

  @Test
  void getFileSaysWhenGitHubDidNotInlineTheContent() {
    port.next =
        ToolResult.ok(
            TestJson.parse(
                "{\"type\": \"file\", \"encoding\": \"none\", \"path\": \"big.bin\", \"content\": \"\"}"));
    assertThat(call("get_file", "{\"path\": \"big.bin\"}").failureClass())
        .contains(ErrorClasses.NOT_A_FILE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "is:open repo:other/secret",
        "REPO:other/x bug",
        "bug org:github",
        "user:octocat is:open",
        "(repo:a/b)",
        "-repo:a/b crash",
        "crash,repo:a/b",
        "\\\"repo:a/b\\\" crash",
        "crash\u00a0repo:a/b",
        "crash\u3000owner:a"
      })
  void searchRefusesOtherScopes(String query) {
    ToolResult result = call("search_issues", "{\"query\": \"" + query + "\"}");
    assertThat(port.calls).isEmpty();
    assertThat(result).isInstanceOf(ToolResult.Refused.class);
    assertThat(result.summary()).startsWith("search_issues is limited to the run's repository");
  }

  @Test
  void searchPassesTheQueryAndALimit() {
    call("search_issues", "{\"query\": \"is:open label:bug in:title report\"}");
    call("search_issues", "{\"query\": \"crash\", \"limit\": \"5\"}");
    assertThat(port.calls)
        .containsExactly(
            "searchIssues \"is:open label:bug in:title report\" 30", "searchIssues \"crash\" 5");
  }

  @Test
  void listCommentsReadsDatesAsMidnightUtc() {
    call("list_comments", "{\"number\": 4, \"since\": \"2024-05-01\"}");
    call("list_comments", "{\"number\": 4, \"since\": \"2024-05-01T12:00:00+02:00\"}");
    call("list_comments", "{\"number\": 4}");
    assertThat(port.calls)
        .containsExactly(
            "listComments 4 Optional[2024-05-01T00:00:00Z]",
            "listComments 4 Optional[2024-05-01T10:00:00Z]",
            "listComments 4 Optional.empty");
  }

  @Test
  void listCommentsRefusesDatesThatDoNotExist() {
    ToolResult result = call("list_comments", "{\"number\": 4, \"since\": \"2024-02-30\"}");
    assertThat(port.calls).isEmpty();
    assertThat(result.summary())
        .isEqualTo(
            "tool \"list_comments\": argument \"since\" is not a real date or time, found"
                + " \"2024-02-30\"");
  }

  @Test
  void getHealthLooksBackADayByDefault() {
    ToolResult result = call("get_health", "{}");
    call("get_health", "{\"lookback_hours\": 72}");
    assertThat(healthAsked).containsExactly(Duration.ofHours(24), Duration.ofHours(72));
    assertThat(result.output().path("level").asText()).isEqualTo("HEALTHY");
  }

  @Test
  void getHealthNeedsALevelAndASummaryFromItsPort() {
    health = TestJson.parse("{\"level\": \"HEALTHY\"}");
    assertThatThrownBy(() -> call("get_health", "{}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("\"summary\"");
  }

  @Test
  void readsGoToThePort() {
    call("get_issue", "{\"number\": 1}");
    call("get_pull_request", "{\"number\": 2}");
    call("list_pr_files", "{\"number\": 3}");
    assertThat(port.calls).containsExactly("getIssue 1", "getPullRequest 2", "listPrFiles 3");
  }
}
