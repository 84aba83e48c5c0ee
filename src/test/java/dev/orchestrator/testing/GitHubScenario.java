package dev.orchestrator.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.fakegithub.FakeGitHub;
import dev.orchestrator.fakegithub.state.Comment;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.IssueSeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real server in App mode against a FakeGitHub, with the shipped missions, and helpers that
 * build real webhook payloads (GitHub's published examples, re-pointed at the fake's state).
 */
public final class GitHubScenario implements AutoCloseable {
  public static final String OWNER = "octo";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WEBHOOKS = "/api/github/webhooks";

  public final FakeGitHub github;
  public final ServerHarness server;
  private final Path dir;
  private final Map<String, String> env;
  private final Clock clock;
  private final List<ServerHarness> restarted = new ArrayList<>();

  private GitHubScenario(
      FakeGitHub github, ServerHarness server, Path dir, Map<String, String> env, Clock clock) {
    this.github = github;
    this.server = server;
    this.dir = dir;
    this.env = env;
    this.clock = clock;
  }

  /**
   * Starts the fake and the server. The fake sends redeliveries to the server's webhook route,
   * signed with {@link ServerHarness#SECRET}; one asked for while the server is starting (by the
   * start-up catch-up) waits until it listens.
   */
  public static GitHubScenario start(Path dir, Map<String, String> extra) {
    return start(dir, extra, Clock.systemUTC());
  }

  /**
   * The same, with the server and the fake on one {@code clock} (a {@link JumpClock} moves approval
   * back-off and expiry without sleeping; both sides must agree on the time for tokens).
   */
  public static GitHubScenario start(Path dir, Map<String, String> extra, Clock clock) {
    FakeGitHub github = FakeGitHub.builder().clock(clock).start();
    try {
      Map<String, String> env = appEnv(github, dir);
      env.putAll(extra);
      github.webhookTargetAway();
      ServerHarness server = ServerHarness.start(dir, env, clock, app -> null);
      github.webhookTarget(server.uri(WEBHOOKS), ServerHarness.SECRET);
      return new GitHubScenario(github, server, dir, env, clock);
    } catch (IOException e) {
      github.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      github.close();
      throw e;
    }
  }

  /**
   * The variables of App mode against {@code github} with the shipped missions; writes the App's
   * key into {@code dir}.
   */
  public static Map<String, String> appEnv(FakeGitHub github, Path dir) throws IOException {
    Path key = dir.resolve("app.pem");
    Files.writeString(key, github.keys().pkcs1Pem());
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_TOKEN", "");
    env.put("APP_ID", Long.toString(github.appId()));
    env.put("PRIVATE_KEY_PATH", key.toString());
    env.put("GITHUB_API_URL", github.apiUrl());
    env.put("MISSIONS_DIR", Path.of("missions").toAbsolutePath().toString());
    return env;
  }

  /**
   * Stops the newest server and starts another on the same database (a restart: a new port, the
   * start-up work again). The scenario closes it; the helpers here keep using the first server.
   */
  public ServerHarness restartServer() {
    github.webhookTargetAway();
    (restarted.isEmpty() ? server : restarted.get(restarted.size() - 1)).close();
    ServerHarness next = ServerHarness.start(dir, env, clock, app -> null);
    restarted.add(next);
    github.webhookTarget(next.uri(WEBHOOKS), ServerHarness.SECRET);
    return next;
  }

  public FakeRepo repo(String name) {
    return github.repo(OWNER, name);
  }

  /** Opens an issue in the fake and returns its number. */
  public int issue(FakeRepo repo, String title) {
    return repo.add(IssueSeed.issue(title)).number();
  }

  /** Writes the comment into the fake, then delivers {@code issue_comment.created} for it. */
  public Comment comment(
      FakeRepo repo, int issue, String login, String type, String body, String deliveryId) {
    Comment c = repo.comment(issue, login, body);
    deliver(
        "issue_comment",
        commentPayload(repo, issue, c.id(), login, type, body, "created"),
        deliveryId);
    return c;
  }

  public ObjectNode commentPayload(
      FakeRepo repo,
      int issue,
      long commentId,
      String login,
      String type,
      String body,
      String action) {
    ObjectNode p = fixture("issue_comment.created");
    p.put("action", action);
    point(p, repo, login, type);
    ObjectNode i = (ObjectNode) p.get("issue");
    i.put("number", issue);
    i.put("node_id", "I_" + repo.name() + "_" + issue);
    i.remove("pull_request");
    ObjectNode c = (ObjectNode) p.get("comment");
    c.put("id", commentId);
    c.put("body", body);
    ((ObjectNode) c.get("user")).put("login", login).put("type", type);
    return p;
  }

  /** {@code issues.opened} for an issue of the fake. */
  public ObjectNode issueOpened(FakeRepo repo, int issue, String login) {
    return issuesOpened(repo, issue, login);
  }

  /**
   * {@code issues.opened} for an issue of {@code repo}, for a server this scenario did not start.
   */
  public static ObjectNode issuesOpened(FakeRepo repo, int issue, String login) {
    ObjectNode p = fixture("issues.opened");
    point(p, repo, login, "User");
    ObjectNode i = (ObjectNode) p.get("issue");
    i.put("number", issue);
    i.put("node_id", "I_" + repo.name() + "_" + issue);
    return p;
  }

  /**
   * {@code push} of one commit to the default branch of {@code repo} (GitHub's published example,
   * re-pointed), which {@code kind} ({@code added}, {@code modified} or {@code removed}) {@code
   * paths}.
   */
  public ObjectNode push(FakeRepo repo, String kind, String... paths) {
    ObjectNode p = fixture("push.5");
    point(p, repo, "mona", "User");
    p.put("ref", "refs/heads/" + repo.defaultBranch());
    ObjectNode commit = (ObjectNode) p.get("commits").get(0);
    for (String k : new String[] {"added", "modified", "removed"}) {
      com.fasterxml.jackson.databind.node.ArrayNode list = commit.putArray(k);
      if (k.equals(kind)) {
        for (String path : paths) {
          list.add(path);
        }
      }
    }
    p.set("head_commit", commit.deepCopy());
    return p;
  }

  /**
   * GitHub's published example {@code fixture} (e.g. {@code pull_request.synchronize}) re-pointed
   * at {@code repo}, installation 1 and sender {@code login}; the test sets the rest.
   */
  public ObjectNode payload(String fixture, FakeRepo repo, String login, String type) {
    ObjectNode p = fixture(fixture);
    point(p, repo, login, type);
    return p;
  }

  private static void point(ObjectNode p, FakeRepo repo, String login, String type) {
    ObjectNode r = (ObjectNode) p.get("repository");
    r.put("full_name", repo.fullName());
    r.put("name", repo.name());
    r.put("default_branch", repo.defaultBranch());
    ((ObjectNode) r.get("owner")).put("login", OWNER);
    p.putObject("installation")
        .put("id", 1)
        .put("node_id", "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==");
    ((ObjectNode) p.get("sender")).put("login", login).put("type", type);
  }

  public HttpResponse<String> deliver(String event, ObjectNode payload, String deliveryId) {
    return server.deliver(event, payload.toString().getBytes(StandardCharsets.UTF_8), deliveryId);
  }

  private static ObjectNode fixture(String name) {
    try {
      return (ObjectNode) JSON.readTree(Payloads.bytes(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first column of the first row of {@code sql} on the server's database (0 when none). */
  public int count(String sql) {
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + server.database);
        java.sql.ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (java.sql.SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  /** Waits until the server has dispatched every stored delivery. */
  public void awaitDispatched() {
    Await.until(
        "every delivery to be dispatched", () -> server.server().deliveries().pending(1).isEmpty());
  }

  @Override
  public void close() {
    restarted.forEach(ServerHarness::close);
    server.close();
    github.close();
  }

  /** Lets a test pass extra variables without a map literal. */
  public static Map<String, String> env(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
