package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.webhook.CatchUpState.HighWaterMark;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catch-up's high-water mark and its redelivery requests, in SQLite. */
class SqliteCatchUpStateTest {
  private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

  @Test
  void theMarkIsOneRowReplacedByEachCompletedScanAndSurvivesAReopen(@TempDir Path dir) {
    String url = "jdbc:sqlite:" + dir.resolve("a.db");
    try (Database db = Database.open(url)) {
      SqliteCatchUpState state = new SqliteCatchUpState(db);
      assertThat(state.mark()).isEmpty();

      state.completed(new HighWaterMark(41, T, T.plusSeconds(5)), T.minusSeconds(60));
      state.completed(new HighWaterMark(97, T.plusSeconds(60), T.plusSeconds(65)), T);

      assertThat(state.mark())
          .contains(new HighWaterMark(97, T.plusSeconds(60), T.plusSeconds(65)));
    }
    try (Database db = Database.open(url)) {
      assertThat(new SqliteCatchUpState(db).mark().orElseThrow().deliveryId()).isEqualTo(97);
    }
  }

  @Test
  void requestsAreCountedPerGuidAndForgottenOnceOlderThanTheLog(@TempDir Path dir) {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"))) {
      SqliteCatchUpState state = new SqliteCatchUpState(db);
      state.requested("g-1", T);
      state.requested("g-1", T.plusSeconds(600));
      state.requested("g-2", T.plusSeconds(600));

      assertThat(state.requests("g-1")).isEqualTo(2);
      assertThat(state.requests("g-2")).isEqualTo(1);
      assertThat(state.requests("g-3")).isZero();

      state.completed(new HighWaterMark(1, T, T), T.plusSeconds(1));

      assertThat(state.requests("g-1")).isEqualTo(1);
      assertThat(state.requests("g-2")).isEqualTo(1);
    }
  }
}
