package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.config.Secret;
import dev.orchestrator.fakemodel.FakeModel;
import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.MissionLoader;
import dev.orchestrator.mission.MissionSource;
import dev.orchestrator.runtime.ApprovalDecider;
import dev.orchestrator.runtime.MissionBreaker;
import dev.orchestrator.runtime.MissionRunner;
import dev.orchestrator.runtime.NewRun;
import dev.orchestrator.runtime.RunExecutor;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.runtime.RunStore;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.SqliteBreakerStore;
import dev.orchestrator.store.SqliteRunStore;
import dev.orchestrator.store.SqliteSpendLedger;
import dev.orchestrator.store.SqliteTranscriptStore;
import dev.orchestrator.testing.MutableClock;
import dev.orchestrator.testing.Payloads;
import dev.orchestrator.testing.ScriptedRepository;
import dev.orchestrator.tool.ToolContext;
import dev.orchestrator.tool.ToolRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runtime over a temp SQLite file with the LLM planner talking to a {@link FakeModel}: GitHub
 * is a {@link ScriptedRepository}, time a {@link MutableClock}, and waits before retries move the
 * clock instead of sleeping.
 */
final class LlmHarness implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String MODEL = "gpt-4o-mini";
  static final String API_KEY = "sk-test-123";
  static final int CAP = 1000;
  static final long INSTALLATION = 7;

  /** The harness's prices: input $0.15, output $0.60 per million tokens. */
  static final String PRICES =
      "{\"date\": \"2026-03-21\", \"models\": {\"gpt-4o-mini\": {\"input\": 0.15, \"output\": 0.60}},"
          + " \"default\": {\"input\": 10, \"output\": 30}}";

  final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
  final FakeModel model = FakeModel.start();
  final ScriptedRepository github = new ScriptedRepository();
  final List<Instant> waits = new ArrayList<>();
  final Database db;
  final RunStore runs;
  final RunExecutor executor;
  final ToolRegistry registry = ToolRegistry.standard();
  BigDecimal dailyBudget = new BigDecimal("5.00");
  private ChatClient client;

  LlmHarness(Path dir) {
    db = Database.open("jdbc:sqlite:" + dir.resolve("llm.db"));
    runs = new SqliteRunStore(db);
    executor =
        new RunExecutor(
            runs,
            new SqliteTranscriptStore(db),
            new MissionBreaker(new SqliteBreakerStore(db), clock),
            new MissionRunner(registry, clock),
            clock);
    client = client(config(ModelConfig.DEFAULT_MAX_TRIES));
  }

  ModelConfig config(int maxTries) {
    return config(maxTries, Duration.ofSeconds(5));
  }

  /** The harness's configuration with this request timeout (real time: the HTTP client's). */
  ModelConfig config(int maxTries, Duration requestTimeout) {
    return new ModelConfig(
        URI.create(model.baseUrl()),
        Optional.of(Secret.of(API_KEY)),
        MODEL,
        "max_tokens",
        CAP,
        Duration.ofSeconds(5),
        requestTimeout,
        maxTries,
        Duration.ofSeconds(1),
        Duration.ofSeconds(20),
        Duration.ofSeconds(60));
  }

  /** A client whose waits are recorded and move the clock; back-off without jitter. */
  ChatClient client(ModelConfig config) {
    return new ChatClient(
        config,
        HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build(),
        clock,
        notBefore -> {
          waits.add(notBefore);
          if (notBefore.isAfter(clock.instant())) {
            clock.set(notBefore);
          }
        },
        () -> 1.0,
        ChatClient.breaker(clock));
  }

  LlmHarness use(ChatClient c) {
    this.client = c;
    return this;
  }

  LlmPlannerFactory factory() {
    return new LlmPlannerFactory(
        client,
        PriceTable.parse(PRICES, "test prices"),
        registry,
        new SqliteSpendLedger(db),
        dailyBudget,
        clock);
  }

  static Mission mission(String yaml) {
    LoadResult r = MissionLoader.global().loadSources(List.of(new MissionSource("test.yml", yaml)));
    assertThat(r.problems()).isEmpty();
    return r.catalog().missions().get(0);
  }

  static Mission shipped(String name) {
    LoadResult r = MissionLoader.global().loadFiles(List.of(Path.of("missions", name + ".yml")));
    assertThat(r.problems()).isEmpty();
    return r.catalog().missions().get(0);
  }

  /** {@code issue_comment.created} turned into {@code /agent <command>} on pull request 2. */
  static ObjectNode commandOnPull(String command, String title, String body) {
    ObjectNode e = payload("issue_comment.created");
    ObjectNode issue = (ObjectNode) e.get("issue");
    issue.put("number", 2);
    issue.put("title", title);
    issue.put("body", body);
    issue
        .putObject("pull_request")
        .put("url", "https://api.github.com/repos/Codertocat/Hello-World/pulls/2");
    ((ObjectNode) e.get("comment")).put("body", "/agent " + command);
    return e;
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode payload(String name) {
    try {
      return (ObjectNode) JSON.readTree(Payloads.bytes(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RunRecord start(Mission m, JsonNode event, boolean dryRun) {
    NewRun n =
        new NewRun(
            m.name(),
            m.planner().label(),
            INSTALLATION,
            Optional.of("Codertocat/Hello-World"),
            Optional.of(2),
            Optional.empty(),
            "command:" + m.name(),
            Optional.of("mona"),
            Optional.empty(),
            RunStatus.RUNNING,
            NewRun.PRIORITY_NORMAL,
            dryRun,
            "{}",
            Optional.of(event.toString()));
    return runs.find(runs.create(n, clock.instant()).orElseThrow()).orElseThrow();
  }

  RunExecutor.Result execute(Mission m, RunRecord run, ApprovalDecider approvals) {
    JsonNode event = read(run.eventJson().orElse("{}"));
    ToolContext tools =
        new ToolContext(
            run.id(),
            run.repository(),
            event,
            run.dryRun(),
            github,
            lookback -> JsonNodeFactory.instance.objectNode());
    Planner planner =
        Planners.forMission(
            m,
            event,
            JsonNodeFactory.instance.objectNode(),
            clock,
            factory(),
            new RunRef(run.id(), run.installationId()));
    return executor.execute(run, m, planner, tools, approvals);
  }

  /** Approval: BLOCKED → QUEUED → RUNNING, as the approval flow does. */
  RunRecord approve(long id) {
    runs.move(id, RunStatus.QUEUED, clock.instant());
    runs.start(id, clock.instant());
    return runs.find(id).orElseThrow();
  }

  RunRecord reload(long id) {
    return runs.find(id).orElseThrow();
  }

  /** Every request body the fake received, as one text. */
  String everythingSent() {
    StringBuilder all = new StringBuilder();
    model.requests().forEach(r -> all.append(r.body()).append('\n'));
    return all.toString();
  }

  @Override
  public void close() {
    model.close();
    db.close();
  }
}
