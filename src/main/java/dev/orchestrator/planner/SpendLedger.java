package dev.orchestrator.planner;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The port to what model calls cost, per installation and UTC day, and the daily budget's one
 * authority. Before each call the planner {@link #reserve reserves} the call's worst case: the
 * check against the budget and the reservation are one atomic step for every worker of every
 * process sharing the store, so no two calls can both take the last of a budget. After the answer
 * the reservation is {@link #settle settled} to the exact cost. A reservation never settled (the
 * process died mid-call) stops counting at its expiry or when its run is no longer running.
 */
public interface SpendLedger {
  /** A model call about to be made: its worst-case cost, when, and how long to hold it. */
  record Call(long installationId, long runId, BigDecimal worstUsd, Instant at, Instant expiresAt) {
    public Call {
      Objects.requireNonNull(worstUsd, "worstUsd");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  /**
   * An installation's day so far: {@code spent} is what answered calls cost, {@code reserved} the
   * worst cases of calls still out. Exact.
   */
  record Today(BigDecimal spent, BigDecimal reserved) {
    public Today {
      Objects.requireNonNull(spent, "spent");
      Objects.requireNonNull(reserved, "reserved");
    }

    /** What the day's budget must still cover. */
    public BigDecimal committed() {
      return spent.add(reserved);
    }

    /** Whether a call costing up to {@code worst} fits in {@code budget}; exactly full fits. */
    public boolean fits(BigDecimal worst, BigDecimal budget) {
      return committed().add(worst).compareTo(budget) <= 0;
    }
  }

  /** The outcome of {@link #reserve}. */
  sealed interface Reservation {
    /** Whether the call may be made. */
    boolean held();

    /** Reserved: the call may be made, and must be settled with {@code id}. */
    record Held(long id) implements Reservation {
      @Override
      public boolean held() {
        return true;
      }
    }

    /** Refused: the call could cross the budget, given {@code today}. Nothing was written. */
    record Refused(Today today) implements Reservation {
      @Override
      public boolean held() {
        return false;
      }
    }
  }

  /** The start (00:00 UTC) of the day {@code at} falls in. */
  static Instant dayStart(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The installation's day so far, as counted at {@code now}. */
  Today today(long installationId, Instant now);

  /**
   * Reserves {@code call.worstUsd()} when the installation's spent and reserved amounts of {@code
   * call.at()}'s day plus it stay within {@code dailyBudget}, atomically; refuses otherwise.
   */
  Reservation reserve(Call call, BigDecimal dailyBudget);

  /** The call behind reservation {@code id} cost exactly {@code usd}; it now counts as spent. */
  void settle(long id, BigDecimal usd, Instant now);

  /** The call behind reservation {@code id} was not charged (it failed without usage). */
  default void release(long id, Instant now) {
    settle(id, BigDecimal.ZERO, now);
  }
}
