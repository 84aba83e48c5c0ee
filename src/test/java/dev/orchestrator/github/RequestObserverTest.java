package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport tells the observer about every attempt, retries and timeouts included. */
class RequestObserverTest {
  private static final String COMMENT = "/repos/octo/repo/issues/comments/5";
  private Fixture f;
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  @Test
  void eachTryIsObservedWithItsStatus() {
    f = Fixture.token("tok");
    f.access.observeRequests((method, status) -> seen.add(method + " " + status));
    AtomicInteger calls = new AtomicInteger();
    f.api.route(
        "GET",
        COMMENT,
        r ->
            calls.incrementAndGet() < 3
                ? LoopbackApi.Reply.json(502, "{\"message\":\"Server Error\"}")
                : LoopbackApi.Reply.json(200, TransportTest.comment(5, "hi")));
    assertThat(f.gateway().getComment(Fixture.REPO, 5).isOk()).isTrue();
    assertThat(seen).containsExactly("GET 502", "GET 502", "GET 200");
  }

  @Test
  void timeoutsAreObservedAsSuch() {
    f = Fixture.token("tok", Fixture.shortTimeouts());
    f.access.observeRequests((method, status) -> seen.add(method + " " + status));
    f.api.route("GET", COMMENT, r -> LoopbackApi.Reply.hanging());
    assertThat(f.gateway().getComment(Fixture.REPO, 5).isOk()).isFalse();
    assertThat(seen).containsExactly("GET timeout", "GET timeout", "GET timeout");
  }
}
