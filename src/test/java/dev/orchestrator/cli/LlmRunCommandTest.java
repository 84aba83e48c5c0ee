package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.App;
import dev.orchestrator.fakemodel.FakeModel;
import dev.orchestrator.fakemodel.Reply;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.testing.Payloads;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agent run} of the shipped llm mission, wired from the environment like production. */
class LlmRunCommandTest {
  @TempDir Path dir;
  private Cli cli;
  private FakeModel model;
  private Path event;

  @BeforeEach
  void open() throws Exception {
    cli = new Cli(dir);
    model = FakeModel.start();
    // Without "repository" the run stays offline even with GITHUB_TOKEN set (which these tests set
    // only to prove it never reaches the model): nothing here may talk to GitHub.
    com.fasterxml.jackson.databind.node.ObjectNode payload =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Payloads.bytes("pull_request.opened"));
    payload.remove("repository");
    event = Files.writeString(dir.resolve("event.json"), payload.toString());
  }

  @AfterEach
  void close() {
    model.close();
  }

  @Test
  void runsPrSummaryAgainstTheConfiguredModelAndRecordsItsCost() {
    cli.env.put("LLM_BASE_URL", model.baseUrl());
    cli.env.put("LLM_MODEL", "gpt-4o-mini");
    cli.env.put("LLM_API_KEY", "sk-live-abc");
    cli.env.put("GITHUB_TOKEN", "ghp_never_sent_to_the_model");
    model.then(
        Reply.toolCall("get_pull_request", "{\"number\": 2}", 1000, 20),
        Reply.toolCall("list_pr_files", "{\"number\": 2}", 1500, 20),
        Reply.toolCall("post_comment", "{\"number\": 2, \"body\": \"- README updated\"}", 1800, 30),
        Reply.answer("Summarized pull request #2.", 2000, 10));

    Cli.Result r =
        cli.run("run", "--mission", "missions/pr-summary.yml", "--event", event.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("status: SUCCEEDED")
        .contains(
            "model: gpt-4o-mini, 4 calls, 6380 tokens (6300 prompt, 80 completion), $0.000993")
        .contains("summary: Summarized pull request #2.")
        .contains("post_comment")
        .contains("recorded (dry run, not sent)");
    assertThat(model.surprises()).isEmpty();
    assertThat(model.requests())
        .allSatisfy(
            q -> {
              assertThat(q.header("authorization")).contains("Bearer sk-live-abc");
              assertThat(q.body()).doesNotContain("ghp_never_sent_to_the_model");
            });
    // the offline repository cannot list files: the model is told, the run goes on
    assertThat(model.request(2).path("messages").get(5).path("content").asText())
        .contains("\"error\":\"offline\"");
    try (App app = cli.app()) {
      RunRecord run = app.runs().find(1).orElseThrow();
      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(run.tokenUsage()).isEqualTo(6380);
      // 6300 × $0.15/M + 80 × $0.60/M with the shipped prices
      assertThat(run.costUsd()).isEqualTo(0.000993);
      assertThat(run.model()).contains("gpt-4o-mini");
    }
  }

  @Test
  void withoutAKeyNoAuthorizationIsSentNotEvenAGitHubToken() {
    cli.env.put("LLM_BASE_URL", model.baseUrl());
    cli.env.put("LLM_MODEL", "llama3.1:8b");
    cli.env.put("GITHUB_TOKEN", "ghp_never_sent_to_the_model");
    model.then(Reply.answer("Nothing to do.", 10, 2));

    Cli.Result r =
        cli.run("run", "--mission", "missions/pr-summary.yml", "--event", event.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(model.requests())
        .singleElement()
        .satisfies(q -> assertThat(q.header("authorization")).isEmpty());
  }

  @Test
  void anUnusablePriceTableFailsLlmRunsSayingWhichFile() throws Exception {
    Path prices = Files.writeString(dir.resolve("prices.json"), "{\"models\": {}}");
    cli.env.put("LLM_BASE_URL", model.baseUrl());
    cli.env.put("LLM_MODEL", "gpt-4o-mini");
    cli.env.put("LLM_PRICES", prices.toString());

    Cli.Result r =
        cli.run("run", "--mission", "missions/pr-summary.yml", "--event", event.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("failure class: llm_not_configured")
        .contains("prices.json")
        .contains("\"date\"");
    assertThat(model.requests()).isEmpty();
  }

  @Test
  void withoutAModelTheRunFailsSayingWhatToSet() {
    Cli.Result r =
        cli.run("run", "--mission", "missions/pr-summary.yml", "--event", event.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("failure class: llm_not_configured").contains("LLM_BASE_URL");
    assertThat(model.requests()).isEmpty();
  }
}
