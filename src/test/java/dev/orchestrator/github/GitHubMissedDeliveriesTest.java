package dev.orchestrator.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.state.Delivery;
import dev.orchestrator.github.FakeGitHubFixture.Mode;
import dev.orchestrator.webhook.LoggedDelivery;
import dev.orchestrator.webhook.MissedDeliveries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Catch-up's view of the App's delivery log, against the FakeGitHub, faults included. */
class GitHubMissedDeliveriesTest {
  private FakeGitHubFixture f;
  private MissedDeliveries log;

  @BeforeEach
  void start() {
    // GETs are tried 3 times: quick retries keep the failing ones short
    f =
        FakeGitHubFixture.start(
            Mode.APP_PKCS1,
            new TransportConfig(
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                3,
                Duration.ofMillis(10),
                Duration.ofMillis(50)));
    log = new GitHubMissedDeliveries(f.gateway());
  }

  @AfterEach
  void stop() {
    f.verify();
    f.close();
  }

  @Test
  void pagesTheLogNewestFirstAHundredAtATimeWithTheCursorOfTheLinkHeader() {
    List<Delivery> recorded = new ArrayList<>();
    for (int i = 0; i < 130; i++) {
      recorded.add(f.github.deliveries().record("issues", "opened", i == 7 ? 0 : 202, 1L, 77L));
    }

    MissedDeliveries.Listing.Page first =
        (MissedDeliveries.Listing.Page) log.page(Optional.empty());
    MissedDeliveries.Listing.Page second = (MissedDeliveries.Listing.Page) log.page(first.next());

    assertThat(first.deliveries()).hasSize(100);
    assertThat(first.next()).isPresent();
    assertThat(second.deliveries()).hasSize(30);
    assertThat(second.next()).isEmpty();
    LoggedDelivery failed =
        second.deliveries().stream().filter(d -> !d.succeeded()).findFirst().orElseThrow();
    Delivery expected = recorded.get(7);
    assertThat(failed)
        .isEqualTo(
            new LoggedDelivery(
                expected.id(),
                expected.guid(),
                expected.deliveredAt(),
                false,
                0,
                "issues",
                Optional.of("opened")));
    assertThat(f.github.requests("GET", "/app/hook/deliveries").get(0).query())
        .isEqualTo("per_page=100");
  }

  @Test
  void aRedeliveryGitHubAcceptsOrRefusesForGood() {
    Delivery d = f.github.deliveries().record("issues", "opened", 502, 1L, 77L);

    assertThat(log.redeliver(d.id())).isInstanceOf(MissedDeliveries.Request.Accepted.class);
    assertThat(log.redeliver(987_654)).isInstanceOf(MissedDeliveries.Request.Refused.class);
    f.github.faults().on("POST", "/app/hook/deliveries/*/attempts").once(Fault.status(422));
    MissedDeliveries.Request refused = log.redeliver(d.id());
    assertThat(refused).isInstanceOf(MissedDeliveries.Request.Refused.class);
    assertThat(refused.message()).contains("422");
  }

  @Test
  void githubFailingIsAFailureToRetryNotARefusal() {
    Delivery d = f.github.deliveries().record("issues", "opened", 502, 1L, 77L);
    f.github.faults().on("POST", "/app/hook/deliveries/*/attempts").once(Fault.status(503));

    assertThat(log.redeliver(d.id())).isInstanceOf(MissedDeliveries.Request.Failed.class);

    f.github.faults().on("GET", "/app/hook/deliveries").always(Fault.status(502));
    MissedDeliveries.Listing listing = log.page(Optional.empty());
    assertThat(listing).isInstanceOf(MissedDeliveries.Listing.Failed.class);
    assertThat(((MissedDeliveries.Listing.Failed) listing).message())
        .startsWith("listing the App's webhook deliveries: ")
        .contains("502");
  }

  @Test
  void aSecondaryRateLimitSaysWhenToTryAgain() {
    f.github
        .faults()
        .on("GET", "/app/hook/deliveries")
        .once(Fault.secondaryRateLimit(429, Duration.ofMinutes(2)));

    MissedDeliveries.Listing listing = log.page(Optional.empty());

    assertThat(listing).isInstanceOf(MissedDeliveries.Listing.Failed.class);
    assertThat(((MissedDeliveries.Listing.Failed) listing).retryAt()).isPresent();
  }
}
