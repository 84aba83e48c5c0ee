package dev.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {
  private static final int MB = 1024 * 1024;
  private static final int MAX = 25 * MB;

  @Test
  void aSecondLargeBodyWaitsForTheFirstAndIsRefusedWhenItDoesNotLeaveInTime() throws Exception {
    BodyBudget budget = new BodyBudget(30L * MB, MAX);
    Optional<BodyBudget.Permit> first = budget.acquire(20L * MB, MAX, 0);
    assertThat(first).isPresent();

    assertThat(budget.acquire(20L * MB, MAX, 50)).isEmpty();
    Optional<BodyBudget.Permit> small = budget.acquire(7_500, MAX, 0);
    assertThat(small).as("small bodies fit beside it").isPresent();

    first.get().close();
    assertThat(budget.acquire(20L * MB, MAX, 0)).isPresent();
  }

  @Test
  void smallBodiesAreNeverHeldUpByLargeOnesThatFillTheBudget() throws Exception {
    BodyBudget budget = new BodyBudget(30L * MB, MAX);
    assertThat(budget.acquire(MAX, MAX, 0)).isPresent();
    assertThat(budget.acquire(5L * MB, MAX, 0)).isPresent(); // full now

    assertThat(budget.acquire(2L * MB, MAX, 0)).isEmpty();
    for (int i = 0; i < 1000; i++) {
      assertThat(budget.acquire(BodyBudget.SMALL, MAX, 0)).isPresent();
    }
  }

  @Test
  void aBodyOfUnknownLengthCountsAsTheLargestAllowed() throws Exception {
    BodyBudget budget = new BodyBudget(30L * MB, MAX);
    assertThat(budget.acquire(-1, MAX, 0)).isPresent();
    assertThat(budget.acquire(6L * MB, MAX, 0)).isEmpty();
    assertThat(budget.acquire(4L * MB, MAX, 0)).isPresent();
  }

  @Test
  void theBudgetIsAFifthOfTheHeapButAlwaysHoldsOneLargestBody() throws Exception {
    assertThat(BodyBudget.forHeap(500L * MB, MAX).capacityBytes()).isEqualTo(100L * MB);
    BodyBudget small = BodyBudget.forHeap(64L * MB, MAX);
    assertThat(small.capacityBytes()).isEqualTo(MAX);
    assertThat(small.acquire(MAX, MAX, 0)).as("one largest body always fits").isPresent();
  }
}
