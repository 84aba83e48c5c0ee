package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.orchestrator.github.TestKeys;
import dev.orchestrator.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
  static final String SECRET = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @TempDir Path dir;
  Cli cli;
  DoctorGitHub github;
  Path missions;

  @BeforeEach
  void appModeWithAGoodKeySecretDatabaseAndMission() throws IOException {
    cli = new Cli(dir);
    github = new DoctorGitHub(TestKeys.RSA.getPublic(), cli.clock);
    missions = Files.createDirectories(dir.resolve("missions"));
    Files.copy(Path.of("missions/issue-triage.yml"), missions.resolve("issue-triage.yml"));
    Path key = Files.writeString(dir.resolve("app.pem"), TestKeys.pkcs1Pem(TestKeys.RSA));
    cli.env.put("APP_ID", "12345");
    cli.env.put("PRIVATE_KEY_PATH", key.toString());
    cli.env.put("WEBHOOK_SECRET", SECRET);
    cli.env.put("MISSIONS_DIR", missions.toString());
    cli.env.put("GITHUB_API_URL", github.url());
    try (Database db = cli.openDatabase()) {
      db.read(c -> null); // created and migrated, as `serve` leaves it
    }
  }

  @AfterEach
  void stopGitHub() {
    github.close();
  }

  private static List<String> lines(Cli.Result r) {
    return r.out().lines().toList();
  }

  private static String line(Cli.Result r, String check) {
    return lines(r).stream()
        .filter(l -> l.substring(6).startsWith(check + ": "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no \"" + check + "\" line in:\n" + r.out()));
  }

  @Test
  void everythingOkInAppModePrintsOneLinePerCheckAndCallsEachGitHubRouteOnce() {
    Cli.Result r = cli.run("doctor");

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(lines(r))
        .containsExactly(
            "ok    configuration: every variable is valid",
            "ok    mode: app (APP_ID 12345)",
            "ok    private key: PKCS#1 RSA key, 2048 bits, from PRIVATE_KEY_PATH \""
                + dir.resolve("app.pem")
                + "\"",
            "ok    app jwt: signed (RS256, valid 9 minutes) for APP_ID 12345",
            "ok    webhook secret: set (64 characters)",
            "ok    database: \""
                + cli.database
                + "\" is writable, schema version "
                + Database.latestSchemaVersion()
                + " (latest)",
            "ok    missions: 1 mission valid in \"" + missions + "\"",
            "ok    llm: not configured, and no mission needs it",
            "ok    github app: authenticated as \"octoapp\" (id 1) at " + github.url(),
            "ok    github installations: 1: octocat (1)",
            "ok    github rate limit: core 4999/5000 left, search 18/30 left (installation 1)",
            "all 11 checks ok");
    assertThat(github.requests)
        .containsExactly(
            "GET /app",
            "GET /app/installations",
            "POST /app/installations/1/access_tokens",
            "GET /rate_limit");
    assertThat(github.unknown).isEmpty();
    assertThat(r.out() + r.err()).doesNotContain(SECRET).doesNotContain("ghs_");
  }

  @Test
  void aPkcs8KeyIsAcceptedToo() throws IOException {
    Files.writeString(dir.resolve("app.pem"), TestKeys.pkcs8Pem(TestKeys.RSA));
    Cli.Result r = cli.run("doctor");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(line(r, "private key")).startsWith("ok    private key: PKCS#8 RSA key, 2048 bits");
    assertThat(line(r, "github app")).startsWith("ok");
  }

  @Test
  void aCorruptKeyFailsAndGitHubIsNotAsked() throws IOException {
    Files.writeString(
        dir.resolve("app.pem"),
        "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END RSA PRIVATE KEY-----\n");
    Cli.Result r = cli.run("doctor");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(line(r, "private key"))
        .startsWith("fail  private key: PRIVATE_KEY_PATH \"" + dir.resolve("app.pem") + "\"")
        .contains("not an RSA private key in PEM (PKCS#1 or PKCS#8)");
    assertThat(r.out()).doesNotContain("app jwt").doesNotContain("github");
    assertThat(github.requests).isEmpty();
    assertThat(lines(r).get(lines(r).size() - 1)).isEqualTo("1 failure, 0 warnings");
  }

  @Test
  void aKeyThatParsesButIsTooWeakToSignFailsAtTheJwt() throws IOException {
    Files.writeString(dir.resolve("app.pem"), TestKeys.pkcs1Pem(TestKeys.generate("RSA", 1024)));
    Cli.Result r = cli.run("doctor");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(line(r, "private key")).startsWith("ok    private key: PKCS#1 RSA key, 1024 bits");
    assertThat(line(r, "app jwt")).startsWith("fail  app jwt: cannot sign an App JWT");
    assertThat(github.requests).isEmpty();
  }

  @Test
  void aMissingSecretFailsWhenCredentialsAreSet() {
    cli.env.remove("WEBHOOK_SECRET");
    Cli.Result r = cli.run("doctor");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(line(r, "webhook secret"))
        .isEqualTo(
            "fail  webhook secret: WEBHOOK_SECRET is not set, so `agent serve` refuses to"
                + " start; generate one with `openssl rand -hex 32` and set it both here and on"
                + " the App's webhook");
  }

  @Test
  void aPlaceholderSecretFailsAndAShortOneWarns() {
    for (String placeholder :
        List.of(
            "changeme",
            "Change-Me",
            "secret",
            "test",
            "xxx",
            "<your webhook secret>",
            "${WEBHOOK_SECRET}",
            "0000000000000000000000")) {
      cli.env.put("WEBHOOK_SECRET", placeholder);
      Cli.Result r = cli.run("doctor");
      assertThat(r.exit()).as(placeholder).isEqualTo(1);
      assertThat(line(r, "webhook secret"))
          .as(placeholder)
          .startsWith("fail  webhook secret: WEBHOOK_SECRET is a placeholder");
      if (placeholder.length() > 8) { // short words such as "secret" occur in any output
        assertThat(r.out()).doesNotContain(placeholder);
      }
    }
    cli.env.put("WEBHOOK_SECRET", "k3Y9-q2Lm7");
    Cli.Result r = cli.run("doctor");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(line(r, "webhook secret"))
        .startsWith("warn  webhook secret: WEBHOOK_SECRET has only 10 characters");
  }

  @Test
  void anUnwritableDatabaseFails() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    cli.env.put("DATABASE_URL", "jdbc:sqlite:" + file.resolve("agent.db"));
    Cli.Result r = cli.run("doctor");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(line(r, "database"))
        .isEqualTo(
            "fail  database: \""
                + file.resolve("agent.db")
                + "\" does not exist and cannot be created: \""
                + file
                + "\" is a file, not a directory; set DATABASE_URL to a writable place");

    Path directory = Files.createDirectories(dir.resolve("a-directory.db"));
    cli.env.put("DATABASE_URL", "jdbc:sqlite:" + directory);
    assertThat(line(cli.run("doctor"), "database"))
        .startsWith("fail  database: \"" + directory + "\" is a directory");

    Path text = Files.writeString(dir.resolve("notes.db"), "not sqlite at all");
    cli.env.put("DATABASE_URL", "jdbc:sqlite:" + text);
    assertThat(line(cli.run("doctor"), "database"))
        .startsWith("fail  database: \"" + text + "\" is not a SQLite database");
  }

  @Test
  void aDatabaseInAReadOnlyDirectoryFails() throws IOException {
    assumeFalse("root".equals(System.getProperty("user.name")), "root ignores file permissions");
    Path ro = Files.createDirectories(dir.resolve("ro"));
    Path db = ro.resolve("agent.db");
    Database.open("jdbc:sqlite:" + db).close();
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      cli.env.put("DATABASE_URL", "jdbc:sqlite:" + db);
      Cli.Result r = cli.run("doctor");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(line(r, "database")).startsWith("fail  database: \"" + db + "\"");
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void anInvalidMissionFailsWithItsPosition() throws IOException {
    Files.writeString(
        missions.resolve("broken.yml"),
        "name: broken\ndescription: d\ngoal: g\nplanner: deterministic\nunknown_key: 1\n");
    Cli.Result r = cli.run("doctor");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(line(r, "missions"))
        .startsWith("fail  missions: ")
        .contains(" in 1 of 2 files, the first: " + missions.resolve("broken.yml") + ":")
        .endsWith("; run `agent validate` to see them all");
  }

  @Test
  void gitHubUnreachableIsAWarning() throws IOException {
    // a privileged port nothing listens on: a port found free and closed again could be taken by
    // another test JVM before doctor connects
    int closed = 1;
    cli.env.put("GITHUB_API_URL", "http://127.0.0.1:" + closed);
    Cli.Result r = cli.run("doctor");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(line(r, "github"))
        .startsWith("warn  github: cannot reach http://127.0.0.1:" + closed + " (")
        .endsWith(
            "; `agent serve` still starts and retries; check the network, a proxy or"
                + " GITHUB_API_URL");
    assertThat(lines(r).get(lines(r).size() - 1)).isEqualTo("0 failures, 1 warning");
  }

  @Test
  void aLowRateLimitWarns() {
    github.coreRemaining = 120;
    Cli.Result r = cli.run("doctor");
    assertThat(r.exit()).isZero();
    assertThat(line(r, "github rate limit"))
        .startsWith(
            "warn  github rate limit: core 120/5000 left, search 18/30 left (installation 1)")
        .contains("under 10% left");
  }

  @Test
  void anAppWithoutInstallationsWarns() {
    github.installations = "";
    Cli.Result r = cli.run("doctor");
    assertThat(r.exit()).isZero();
    assertThat(line(r, "github installations")).startsWith("warn  github installations: none");
    assertThat(github.requests).doesNotContain("GET /rate_limit");
  }

  @Test
  void tokenModeAsksForTheRateLimitWithTheToken() {
    cli.env.remove("APP_ID");
    cli.env.remove("PRIVATE_KEY_PATH");
    cli.env.put("GITHUB_TOKEN", DoctorGitHub.PERSONAL_TOKEN);
    Cli.Result r = cli.run("doctor");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(line(r, "mode")).isEqualTo("ok    mode: token (GITHUB_TOKEN)");
    assertThat(line(r, "github token"))
        .isEqualTo("ok    github token: accepted; core 4999/5000 left, search 18/30 left");
    assertThat(github.requests).containsExactly("GET /rate_limit");

    cli.env.put("GITHUB_TOKEN", "ghp_revoked");
    Cli.Result refused = cli.run("doctor");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(line(refused, "github token"))
        .startsWith("fail  github token: ")
        .contains("401")
        .endsWith("GitHub refused GITHUB_TOKEN: it is wrong, expired or revoked");
    assertThat(refused.out()).doesNotContain("ghp_revoked");
  }

  @Test
  void withoutCredentialsItWarnsAboutSetupModeAndAsksNothing() {
    cli.env.remove("APP_ID");
    cli.env.remove("PRIVATE_KEY_PATH");
    cli.env.remove("WEBHOOK_SECRET");
    Cli.Result r = cli.run("doctor");
    assertThat(r.exit()).isZero();
    assertThat(line(r, "mode")).startsWith("warn  mode: none: without GitHub credentials");
    assertThat(line(r, "webhook secret"))
        .startsWith("ok    webhook secret: not set, and not needed");
    assertThat(github.requests).isEmpty();
  }

  @Test
  void configurationProblemsAreEachAFailureAndTheOtherChecksStillRun() {
    cli.env.put("PORT", "eighty");
    cli.env.put("LLM_BASE_URL", "http://127.0.0.1:1/v1");
    Cli.Result r = cli.run("doctor");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(lines(r))
        .contains(
            "fail  configuration: PORT: expected an integer from 0 to 65535, found \"eighty\"")
        .contains(
            "fail  configuration: LLM_MODEL: required with LLM_BASE_URL; set it to the model's"
                + " name")
        .contains("ok    webhook secret: set (64 characters)");
    assertThat(line(r, "llm"))
        .isEqualTo(
            "fail  llm: LLM_BASE_URL is set but LLM_MODEL is not: set LLM_MODEL to the model's"
                + " name");
  }

  @Test
  void llmMissionsWithoutAProviderWarn() throws IOException {
    Files.copy(Path.of("missions/pr-summary.yml"), missions.resolve("pr-summary.yml"));
    Cli.Result r = cli.run("doctor");
    assertThat(r.exit()).isZero();
    assertThat(line(r, "missions"))
        .isEqualTo("ok    missions: 2 missions valid in \"" + missions + "\" (1 llm)");
    assertThat(line(r, "llm"))
        .isEqualTo(
            "warn  llm: llm missions will fail until LLM_BASE_URL is set (pr-summary); set"
                + " LLM_BASE_URL, LLM_MODEL and LLM_API_KEY");

    cli.env.put("LLM_BASE_URL", "https://api.example.com/v1");
    cli.env.put("LLM_MODEL", "gpt-4o-mini");
    assertThat(line(cli.run("doctor"), "llm"))
        .isEqualTo(
            "ok    llm: \"https://api.example.com/v1\", model \"gpt-4o-mini\", no LLM_API_KEY"
                + " (fine for a local provider)");
  }

  @Test
  void anOlderDatabaseWarnsThatServeWillMigrateIt() throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + cli.database);
        var s = c.createStatement()) {
      s.execute("DELETE FROM schema_version WHERE version = " + Database.latestSchemaVersion());
    }
    assertThat(line(cli.run("doctor"), "database"))
        .startsWith(
            "warn  database: \""
                + cli.database
                + "\" is writable, at schema version "
                + (Database.latestSchemaVersion() - 1)
                + " of "
                + Database.latestSchemaVersion());
  }
}
