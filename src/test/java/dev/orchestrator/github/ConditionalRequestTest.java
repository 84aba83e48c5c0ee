package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Repeated GETs revalidate with the transport's ETag cache; a 304 costs no quota. */
class ConditionalRequestTest {
  private static final String REACTIONS = "/repos/octo/repo/issues/comments/5/reactions";
  private static final String CONFIG = "/repos/octo/repo/contents/.github/agent.yml";

  private Fixture f;
  private Instant reset;

  /** GitHub's bookkeeping: a 200 costs one request, a 304 nothing. */
  private final AtomicInteger remaining = new AtomicInteger(5000);

  @BeforeEach
  void start() {
    f = Fixture.token("tok");
    reset = f.clock.instant().plus(Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    assertThat(f.api.unknown()).isEmpty();
    f.close();
  }

  /** Serves {@code body.get()} with ETag {@code etag.get()}, and 304 when it is sent back. */
  private void serve(String path, AtomicReference<String> etag, AtomicReference<String> body) {
    f.api.route(
        "GET",
        path,
        r -> {
          Map<String, String> h = new TreeMap<>();
          h.put("ETag", etag.get());
          if (etag.get().equals(r.header("If-None-Match"))) {
            h.putAll(Replies.limits("core", 5000, remaining.get(), reset));
            return new LoopbackApi.Reply(304, h, "", false);
          }
          h.putAll(Replies.limits("core", 5000, remaining.decrementAndGet(), reset));
          return LoopbackApi.Reply.json(200, body.get(), h);
        });
  }

  private long remainingSeen() {
    return f.access.rateLimits().get("token", "core").orElseThrow().remaining();
  }

  @Test
  void theSecondPollOfTheSameReactionsIsAnsweredFromTheCacheAndCostsNothing() {
    AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
    AtomicReference<String> body =
        new AtomicReference<>("[{\"id\":1,\"content\":\"+1\",\"user\":{\"login\":\"alice\"}}]");
    serve(REACTIONS, etag, body);

    List<Reaction> first = reactions();
    assertThat(first).containsExactly(new Reaction(1, "+1", "alice"));
    assertThat(remainingSeen()).isEqualTo(4999);

    List<Reaction> second = reactions();
    assertThat(second).isEqualTo(first);
    List<LoopbackApi.Received> polls = f.api.requests("GET", REACTIONS);
    assertThat(polls).hasSize(2);
    assertThat(polls.get(0).header("If-None-Match")).isNull();
    assertThat(polls.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(remainingSeen()).isEqualTo(4999); // the 304 cost nothing
    assertThat(remaining.get()).isEqualTo(4999);

    etag.set("\"v2\""); // someone approved
    body.set("[{\"id\":2,\"content\":\"-1\",\"user\":{\"login\":\"bob\"}}]");
    assertThat(reactions()).containsExactly(new Reaction(2, "-1", "bob"));
    assertThat(remainingSeen()).isEqualTo(4998);
    assertThat(reactions()).containsExactly(new Reaction(2, "-1", "bob"));
    assertThat(f.api.requests("GET", REACTIONS).get(3).header("If-None-Match")).isEqualTo("\"v2\"");
  }

  @Test
  void aCallerHoldingTheEtagStillLearnsThatNothingChanged() {
    serve(
        REACTIONS,
        new AtomicReference<>("\"v1\""),
        new AtomicReference<>("[{\"id\":1,\"content\":\"+1\",\"user\":{\"login\":\"alice\"}}]"));
    Tagged<List<Reaction>> first =
        f.gateway().listReactions(Fixture.REPO, 5, Optional.empty()).orElseThrow().orElseThrow();
    assertThat(f.gateway().listReactions(Fixture.REPO, 5, first.etag()).orElseThrow()).isEmpty();
    assertThat(remainingSeen()).isEqualTo(4999);
  }

  @Test
  void aRepositoryFileIsRevalidatedToo() {
    String content = "triggers: [issue-triage]\n";
    String json =
        "{\"type\":\"file\",\"encoding\":\"base64\",\"size\":"
            + content.length()
            + ",\"name\":\"agent.yml\",\"path\":\".github/agent.yml\",\"sha\":\"3d21ec5\","
            + "\"content\":\""
            + Base64.getEncoder().encodeToString(content.getBytes())
            + "\"}";
    serve(CONFIG, new AtomicReference<>("W/\"abc\""), new AtomicReference<>(json));
    for (int i = 0; i < 3; i++) {
      RepoFile file =
          f.gateway()
              .getFile(Fixture.REPO, ".github/agent.yml", Optional.empty(), Optional.empty())
              .orElseThrow()
              .orElseThrow()
              .value();
      assertThat(file.text()).isEqualTo(content);
    }
    assertThat(f.api.requests("GET", CONFIG))
        .extracting(r -> r.header("If-None-Match"))
        .containsExactly(null, "W/\"abc\"", "W/\"abc\"");
    assertThat(remaining.get()).isEqualTo(4999);
  }

  private List<Reaction> reactions() {
    return f.gateway()
        .listReactions(Fixture.REPO, 5, Optional.empty())
        .orElseThrow()
        .orElseThrow()
        .value();
  }
}
