package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.store.Database;
import dev.orchestrator.store.SqliteDeliveryStore;
import dev.orchestrator.webhook.Delivery;
import dev.orchestrator.webhook.DeliveryStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agent explain --delivery}: a waiting delivery says why and when; a given-up one why. */
class ExplainDeliveryCommandTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String WHY =
      "could not read .github/agent.yml: reading \".github/agent.yml\" in \"octo/widgets\": 502"
          + " from GitHub";

  @TempDir Path dir;

  private static Delivery delivery(String id) {
    return new Delivery(
        id,
        "issues",
        Optional.of("opened"),
        Optional.of(1L),
        Optional.of("octo/widgets"),
        Optional.empty(),
        "{}",
        T0);
  }

  @Test
  void aWaitingDeliverySaysWhyAndWhenItIsTriedAgainAndAGivenUpOneItsOutcome() {
    Cli cli = new Cli(dir);
    try (Database db = cli.openDatabase();
        SqliteDeliveryStore store = new SqliteDeliveryStore(db)) {
      store.store(delivery("d-waits"));
      store.store(delivery("d-lost"));
      long waits = store.find("d-waits").orElseThrow().seq();
      long lost = store.find("d-lost").orElseThrow().seq();
      store.postpone(new DeliveryStore.Postponed(waits, 2, T0, T0.plusSeconds(30), WHY));
      store.postpone(new DeliveryStore.Postponed(lost, 17, T0, T0.plusSeconds(3600), WHY));
      store.markDispatched(
          lost, "failed", WHY + " (gave up after 17 attempts in 1h)", T0.plusSeconds(3600));
    }

    Cli.Result waiting = cli.run("explain", "--delivery", "d-waits");
    assertThat(waiting.exit()).isZero();
    assertThat(waiting.out())
        .isEqualTo(
            "delivery d-waits (issues.opened)\n"
                + "  received    2026-01-01T00:00:00Z\n"
                + "  waiting     2 failed attempts; tried again at 2026-01-01T00:00:30Z\n"
                + "  last error  "
                + WHY
                + "\n");

    Cli.Result given = cli.run("explain", "--delivery", "d-lost");
    assertThat(given.exit()).isZero();
    assertThat(given.out())
        .isEqualTo(
            "delivery d-lost (issues.opened)\n"
                + "  received    2026-01-01T00:00:00Z\n"
                + "  dispatched  2026-01-01T01:00:00Z after 17 failed attempts\n"
                + "  outcome     failed: "
                + WHY
                + " (gave up after 17 attempts in 1h)\n"
                + "  runs        none\n");
  }

  @Test
  void anUnknownDeliveryOrTwoTargetsAreRefused() {
    Cli cli = new Cli(dir);
    cli.openDatabase().close(); // the schema exists, with no delivery
    Cli.Result missing = cli.run("explain", "--delivery", "nope");
    assertThat(missing.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(missing.err()).contains("no delivery \"nope\" is stored");
    Cli.Result both = cli.run("explain", "--delivery", "nope", "--mission-id", "1");
    assertThat(both.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err()).contains("give one of --mission-id or --delivery");
    assertThat(cli.run("explain").err()).contains("give one of --mission-id or --delivery");
  }
}
