package dev.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private ConfigResult load(Map<String, String> env) {
    return ConfigLoader.load(env, dir.resolve(".env"));
  }

  @Test
  void defaultsWithAnEmptyEnvironment() {
    Settings s = load(Map.of()).orThrow();
    assertThat(s.github().mode()).isEqualTo(Settings.Mode.NONE);
    assertThat(s.github().apiUrl()).hasToString("https://api.github.com");
    assertThat(s.server().host()).isEqualTo("0.0.0.0");
    assertThat(s.server().port()).isEqualTo(3000);
    assertThat(s.store().databaseUrl()).isEqualTo("jdbc:sqlite:agent_metrics.db");
    assertThat(s.queue().capacityPerInstallation()).isEqualTo(100);
    assertThat(s.queue().capacityTotal()).isEqualTo(10_000);
    assertThat(s.queue().workers()).isEqualTo(4);
    assertThat(s.server().shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.approvals().pollInitial()).isEqualTo(Duration.ofSeconds(15));
    assertThat(s.approvals().pollMax()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.approvals().timeout()).isEqualTo(Duration.ofHours(24));
    assertThat(s.llm().baseUrl()).isEmpty();
    assertThat(s.llm().dailyBudgetUsd()).isEqualTo(5.00);
    assertThat(s.retention()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void everyProblemIsReportedAtOnceNamingTheVariable() {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "abc");
    env.put("WORKERS", "0");
    env.put("SHUTDOWN_GRACE", "soon");
    env.put("GITHUB_API_URL", "not a url");
    env.put("RETENTION", "2d");
    env.put("LLM_BASE_URL", "http://127.0.0.1:1/v1");
    env.put("DATABASE_URL", "jdbc:postgresql://x/y");
    ConfigResult r = load(env);
    assertThat(r).isInstanceOf(ConfigResult.Invalid.class);
    assertThat(((ConfigResult.Invalid) r).problems())
        .hasSize(7)
        .anySatisfy(p -> assertThat(p).startsWith("PORT: ").contains("\"abc\""))
        .anySatisfy(p -> assertThat(p).startsWith("WORKERS: "))
        .anySatisfy(p -> assertThat(p).startsWith("SHUTDOWN_GRACE: ").contains("30s"))
        .anySatisfy(p -> assertThat(p).startsWith("GITHUB_API_URL: "))
        .anySatisfy(p -> assertThat(p).startsWith("RETENTION: ").contains("4d"))
        .anySatisfy(p -> assertThat(p).startsWith("LLM_MODEL: "))
        .anySatisfy(p -> assertThat(p).startsWith("DATABASE_URL: "));
  }

  @Test
  void dotEnvIsReadAndTheEnvironmentWins() throws IOException {
    Files.writeString(
        dir.resolve(".env"),
        "# comment\nPORT=4000\nexport HOST='127.0.0.1'\nWEBHOOK_SECRET=\"s3cret value\"\n"
            + "WORKERS=2 # trailing comment\n");
    Settings s = load(Map.of("PORT", "5000")).orThrow();
    assertThat(s.server().port()).isEqualTo(5000);
    assertThat(s.server().host()).isEqualTo("127.0.0.1");
    assertThat(s.queue().workers()).isEqualTo(2);
    assertThat(s.github().webhookSecret().orElseThrow().reveal()).isEqualTo("s3cret value");
  }

  @Test
  void malformedDotEnvLinesAreReportedWithTheirLineAndWithoutTheirValue() throws IOException {
    Files.writeString(
        dir.resolve(".env"), "GOOD=1\nthis is not valid\nBAD KEY=topsecret\nQ=\"open\n");
    ConfigResult r = load(Map.of());
    assertThat(((ConfigResult.Invalid) r).problems())
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).contains(".env:2"))
        .anySatisfy(p -> assertThat(p).contains(".env:3").doesNotContain("topsecret"))
        .anySatisfy(p -> assertThat(p).contains(".env:4").contains("unterminated quote"));
  }

  @Test
  void appModeNeedsBothTheIdAndAKey() throws IOException {
    Path key = Files.writeString(dir.resolve("app.pem"), "-----BEGIN RSA PRIVATE KEY-----\n");
    assertThat(
            load(Map.of("APP_ID", "123", "PRIVATE_KEY_PATH", key.toString()))
                .orThrow()
                .github()
                .mode())
        .isEqualTo(Settings.Mode.APP);
    assertThat(((ConfigResult.Invalid) load(Map.of("APP_ID", "123"))).problems())
        .singleElement()
        .asString()
        .contains("PRIVATE_KEY_PATH");
    assertThat(
            ((ConfigResult.Invalid) load(Map.of("APP_ID", "12x", "PRIVATE_KEY", "k"))).problems())
        .singleElement()
        .asString()
        .startsWith("APP_ID: ");
    assertThat(load(Map.of("GITHUB_TOKEN", "ghp_x")).orThrow().github().mode())
        .isEqualTo(Settings.Mode.TOKEN);
  }

  @Test
  void privateKeyEscapesAreUnfolded() {
    Settings s = load(Map.of("APP_ID", "1", "PRIVATE_KEY", "a\\nb")).orThrow();
    assertThat(s.github().privateKeyPem().orElseThrow().reveal()).isEqualTo("a\nb");
  }

  @Test
  void secretsPrintAsStars() {
    Settings s = load(Map.of("WEBHOOK_SECRET", "hunter2", "API_TOKEN", "tok-123")).orThrow();
    assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("tok-123").contains("***");
  }

  @Test
  void theModelsCompletionCapAndTimeoutHaveDefaultsAndCanBeSet() {
    Settings.Llm d = load(Map.of()).orThrow().llm();
    assertThat(d.completionCapParam()).isEqualTo("max_tokens");
    assertThat(d.completionCap()).isEqualTo(1024);
    assertThat(d.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
    Settings.Llm s =
        load(Map.of(
                "LLM_BASE_URL", "http://127.0.0.1:11434/v1/",
                "LLM_MODEL", "llama3.1",
                "LLM_API_KEY", "sk-abc",
                "LLM_MAX_TOKENS_PARAM", "max_completion_tokens",
                "LLM_MAX_TOKENS", "4096",
                "LLM_TIMEOUT", "2m"))
            .orThrow()
            .llm();
    assertThat(s.baseUrl()).map(Object::toString).contains("http://127.0.0.1:11434/v1");
    assertThat(s.completionCapParam()).isEqualTo("max_completion_tokens");
    assertThat(s.completionCap()).isEqualTo(4096);
    assertThat(s.requestTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.toString()).doesNotContain("sk-abc");
  }

  @Test
  void badModelSettingsNameTheirVariable() {
    ConfigResult r =
        load(
            Map.of(
                "LLM_MAX_TOKENS_PARAM", "max tokens",
                "LLM_MAX_TOKENS", "0",
                "LLM_TIMEOUT", "0s"));
    assertThat(((ConfigResult.Invalid) r).problems())
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("LLM_MAX_TOKENS_PARAM: ").contains("max_tokens"))
        .anySatisfy(p -> assertThat(p).startsWith("LLM_MAX_TOKENS: "))
        .anySatisfy(p -> assertThat(p).startsWith("LLM_TIMEOUT: "));
  }

  @Test
  void theGitHubRequestTimeoutHasADefaultCanBeSetAndIsValidated() {
    assertThat(load(Map.of()).orThrow().github().requestTimeout())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(load(Map.of("GITHUB_TIMEOUT", "1500ms")).orThrow().github().requestTimeout())
        .isEqualTo(Duration.ofMillis(1500));
    for (String[] bad :
        new String[][] {
          {"soon", "expected a duration such as 30s"},
          {"0s", "must be longer than 0"},
          {"6m", "at most 5m"}
        }) {
      ConfigResult r = load(Map.of("GITHUB_TIMEOUT", bad[0]));
      assertThat(((ConfigResult.Invalid) r).problems())
          .as(bad[0])
          .singleElement()
          .satisfies(p -> assertThat(p).startsWith("GITHUB_TIMEOUT: ").contains(bad[1]));
    }
  }

  @Test
  void urlsLoseATrailingSlash() {
    Settings s = load(Map.of("GITHUB_API_URL", "https://ghe.example/api/v3/")).orThrow();
    assertThat(s.github().apiUrl()).hasToString("https://ghe.example/api/v3");
  }

  @Test
  void setupSettingsHaveDefaultsAndAreValidated() {
    Settings d = load(Map.of()).orThrow();
    assertThat(d.server().publicUrl()).isEmpty();
    assertThat(d.setup().organization()).isEmpty();
    assertThat(d.setup().allowRemote()).isFalse();

    Settings s =
        load(Map.of(
                "PUBLIC_URL", "https://agent.example.com/x/",
                "GH_ORG", "octo-org",
                "SETUP_ALLOW_REMOTE", "TRUE"))
            .orThrow();
    assertThat(s.server().publicUrl()).contains(java.net.URI.create("https://agent.example.com/x"));
    assertThat(s.setup().organization()).contains("octo-org");
    assertThat(s.setup().allowRemote()).isTrue();

    ConfigResult r =
        load(
            Map.of(
                "PUBLIC_URL", "https://agent.example.com/?a=b",
                "GH_ORG", "-octo",
                "SETUP_ALLOW_REMOTE", "yes"));
    assertThat(((ConfigResult.Invalid) r).problems())
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("PUBLIC_URL: ").contains("without query"))
        .anySatisfy(p -> assertThat(p).startsWith("GH_ORG: ").contains("\"-octo\""))
        .anySatisfy(p -> assertThat(p).startsWith("SETUP_ALLOW_REMOTE: ").contains("\"yes\""));
  }

  @Test
  void theHealthReportIsOffByDefaultAndNeedsARepositoryWithItsInterval() {
    Settings d = load(Map.of()).orThrow();
    assertThat(d.healthIssue().enabled()).isFalse();
    assertThat(d.healthIssue().interval()).isEmpty();

    Settings s =
        load(Map.of("HEALTH_REPORT_INTERVAL", "6h", "HEALTH_REPORT_REPOSITORY", "octo-org/ops"))
            .orThrow();
    assertThat(s.healthIssue().enabled()).isTrue();
    assertThat(s.healthIssue().interval()).contains(Duration.ofHours(6));
    assertThat(s.healthIssue().repository()).contains("octo-org/ops");

    ConfigResult missing = load(Map.of("HEALTH_REPORT_INTERVAL", "1h"));
    assertThat(((ConfigResult.Invalid) missing).problems())
        .singleElement()
        .satisfies(
            p -> assertThat(p).startsWith("HEALTH_REPORT_REPOSITORY: ").contains("required"));
  }

  @Test
  void badHealthReportSettingsAreAllReportedAtOnce() {
    ConfigResult r =
        load(Map.of("HEALTH_REPORT_INTERVAL", "1m", "HEALTH_REPORT_REPOSITORY", "octo-org"));
    assertThat(((ConfigResult.Invalid) r).problems())
        .hasSize(2)
        .anySatisfy(
            p -> assertThat(p).startsWith("HEALTH_REPORT_INTERVAL: ").contains("5m", "\"1m\""))
        .anySatisfy(
            p -> assertThat(p).startsWith("HEALTH_REPORT_REPOSITORY: ").contains("\"octo-org\""));

    ConfigResult malformed =
        load(Map.of("HEALTH_REPORT_INTERVAL", "daily", "HEALTH_REPORT_REPOSITORY", "a/b"));
    assertThat(((ConfigResult.Invalid) malformed).problems())
        .singleElement()
        .satisfies(p -> assertThat(p).startsWith("HEALTH_REPORT_INTERVAL: ").contains("\"daily\""));
  }
}
