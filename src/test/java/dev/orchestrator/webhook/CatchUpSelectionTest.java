package dev.orchestrator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which failed attempts catch-up has redelivered, and why the others are left alone. */
class CatchUpSelectionTest {
  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  static LoggedDelivery attempt(long id, String guid, int status) {
    return new LoggedDelivery(
        id, guid, T.plusSeconds(id), false, status, "issues", Optional.of("opened"));
  }

  private static CatchUpSelection select(List<LoggedDelivery> newestFirst, Set<String> stored) {
    return CatchUpSelection.of(newestFirst, stored::contains, g -> 0, 3);
  }

  @Test
  void aFailureWeNeverStoredIsRedelivered() {
    CatchUpSelection s = select(List.of(attempt(2, "b", 202), attempt(1, "a", 502)), Set.of());

    assertThat(s.redeliver()).extracting(LoggedDelivery::id).containsExactly(1L);
    assertThat(s.alreadyStored()).isZero();
    assertThat(s.laterSuccess()).isZero();
  }

  @Test
  void noAnswerAtAllCountsAsAFailureAndSoDoesA3xxOrA4xx() {
    CatchUpSelection s =
        select(List.of(attempt(3, "c", 0), attempt(2, "b", 302), attempt(1, "a", 401)), Set.of());

    assertThat(s.redeliver()).extracting(LoggedDelivery::guid).containsExactly("c", "b", "a");
  }

  @Test
  void aFailureWhoseGuidIsStoredIsLeftAlone() {
    // GitHub gave up after 10 s, but the intake had committed it
    CatchUpSelection s = select(List.of(attempt(1, "a", 504)), Set.of("a"));

    assertThat(s.redeliver()).isEmpty();
    assertThat(s.alreadyStored()).isEqualTo(1);
  }

  @Test
  void aFailureFollowedByASuccessOfTheSameGuidIsLeftAlone() {
    CatchUpSelection s =
        select(List.of(attempt(5, "a", 202), attempt(4, "b", 502), attempt(1, "a", 502)), Set.of());

    assertThat(s.redeliver()).extracting(LoggedDelivery::guid).containsExactly("b");
    assertThat(s.laterSuccess()).isEqualTo(1);
  }

  @Test
  void aSuccessOlderThanTheFailureDoesNotCount() {
    // a manual redelivery failed after an earlier success that this database does not have
    // (restored from an older backup): only the store can say we have it
    CatchUpSelection s = select(List.of(attempt(5, "a", 503), attempt(1, "a", 200)), Set.of());

    assertThat(s.redeliver()).extracting(LoggedDelivery::id).containsExactly(5L);
    assertThat(s.laterSuccess()).isZero();
  }

  @Test
  void aGuidWithSeveralFailedAttemptsIsRedeliveredOnceFromItsNewest() {
    CatchUpSelection s =
        select(List.of(attempt(7, "a", 0), attempt(4, "a", 502), attempt(1, "a", 502)), Set.of());

    assertThat(s.redeliver()).extracting(LoggedDelivery::id).containsExactly(7L);
  }

  @Test
  void aGuidAskedForTooOftenIsGivenUp() {
    Map<String, Integer> asked = Map.of("a", 3, "b", 2);
    CatchUpSelection s =
        CatchUpSelection.of(
            List.of(attempt(2, "b", 401), attempt(1, "a", 401)),
            g -> false,
            g -> asked.getOrDefault(g, 0),
            3);

    assertThat(s.redeliver()).extracting(LoggedDelivery::guid).containsExactly("b");
    assertThat(s.givenUp()).extracting(LoggedDelivery::guid).containsExactly("a");
  }

  @Test
  void nothingListedNothingToDo() {
    CatchUpSelection s = select(List.of(), Set.of());

    assertThat(s.redeliver()).isEmpty();
    assertThat(s.givenUp()).isEmpty();
  }
}
