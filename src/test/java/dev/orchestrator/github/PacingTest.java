package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One request at a time per lane, and writes paced by the clock. */
class PacingTest {
  private static final String COMMENTS = "/repos/octo/repo/issues/1/comments";

  private Fixture f;

  @AfterEach
  void stop() {
    assertThat(f.api.unknown()).isEmpty();
    f.close();
  }

  private void acceptComments() {
    AtomicInteger ids = new AtomicInteger(100);
    f.api.route(
        "POST",
        COMMENTS,
        r -> LoopbackApi.Reply.json(201, TransportTest.comment(ids.getAndIncrement(), "x")));
  }

  @Test
  void aBurstOfFiftyCommentsFromFourWorkersGoesOneAtATimeASecondApart() throws Exception {
    f = Fixture.token("tok");
    acceptComments();
    Instant t0 = f.clock.instant();
    ExecutorService workers = Executors.newFixedThreadPool(4);
    try {
      List<Future<GitHubResult<Comment>>> results = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String body = "comment " + i;
        results.add(workers.submit(() -> f.gateway().createComment(Fixture.REPO, 1, body)));
      }
      for (Future<GitHubResult<Comment>> r : results) {
        assertThat(r.get(30, TimeUnit.SECONDS).isOk()).isTrue();
      }
    } finally {
      workers.shutdownNow();
    }

    List<Instant> sent = sentAt();
    assertThat(sent).hasSize(50);
    for (int i = 1; i < sent.size(); i++) {
      assertThat(Duration.between(sent.get(i - 1), sent.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
    assertThat(mostIn(sent, Duration.ofMinutes(1))).isLessThanOrEqualTo(80);
    assertThat(f.api.maxInFlight()).isEqualTo(1);
    assertThat(f.clock.instant()).isEqualTo(t0.plusSeconds(49)); // paced, and no more than that
  }

  @Test
  void writesStayWithinTheMinuteAndHourLimits() {
    f =
        Fixture.token(
            "tok",
            Fixture.relaxed(),
            GovernorConfig.defaults()
                .withMaxInlineWait(Duration.ofHours(2))
                .withMutationLimits(Duration.ofSeconds(1), 5, 12));
    acceptComments();
    for (int i = 0; i < 20; i++) {
      assertThat(f.gateway().createComment(Fixture.REPO, 1, "comment " + i).isOk()).isTrue();
    }
    List<Instant> sent = sentAt();
    assertThat(mostIn(sent, Duration.ofMinutes(1))).isEqualTo(5);
    assertThat(mostIn(sent, Duration.ofHours(1))).isEqualTo(12);
    assertThat(sent.get(5)).isEqualTo(sent.get(0).plus(Duration.ofMinutes(1)));
    assertThat(sent.get(12)).isEqualTo(sent.get(0).plus(Duration.ofHours(1)));
  }

  @Test
  void readsAreNotPaced() {
    f = Fixture.token("tok");
    f.api.route(
        "GET",
        "/repos/octo/repo/issues/comments/5",
        r -> LoopbackApi.Reply.json(200, TransportTest.comment(5, "x")));
    Instant t0 = f.clock.instant();
    for (int i = 0; i < 10; i++) {
      assertThat(f.gateway().getComment(Fixture.REPO, 5).isOk()).isTrue();
    }
    assertThat(f.clock.instant()).isEqualTo(t0);
    assertThat(f.waiter.waits()).isEmpty();
  }

  /** When the fake received each comment, by the test clock, in order. */
  private List<Instant> sentAt() {
    return f.api.requests("POST", COMMENTS).stream()
        .map(LoopbackApi.Received::at)
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  /** The most sends in any window [t, t + width) that starts at a send. */
  private static int mostIn(List<Instant> sent, Duration width) {
    int most = 0;
    for (Instant start : sent) {
      Instant end = start.plus(width);
      int n = (int) sent.stream().filter(t -> !t.isBefore(start) && t.isBefore(end)).count();
      most = Math.max(most, n);
    }
    return most;
  }
}
