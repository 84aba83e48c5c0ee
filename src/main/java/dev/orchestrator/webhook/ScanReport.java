package dev.orchestrator.webhook;

import java.util.Optional;

/** What one catch-up scan did, for its one log line. */
public sealed interface ScanReport {
  /** True when the scan completed and moved (or kept) the high-water mark. */
  boolean completed();

  /** The log line, lowercase. */
  String describe();

  /**
   * The scan listed the log back to the mark (or 3 days) and every redelivery request was answered.
   *
   * @param listed attempts listed newer than the previous mark
   * @param redelivered redeliveries GitHub accepted
   * @param alreadyStored failed guids we had stored
   * @param laterSuccess failed guids with a later successful attempt
   * @param givenUp failed guids asked for too often already
   * @param refused redelivery requests GitHub refused for good
   * @param mark the mark now stored (empty: the log had nothing in the window)
   */
  record Completed(
      int listed,
      int redelivered,
      int alreadyStored,
      int laterSuccess,
      int givenUp,
      int refused,
      Optional<CatchUpState.HighWaterMark> mark)
      implements ScanReport {
    @Override
    public boolean completed() {
      return true;
    }

    @Override
    public String describe() {
      return "delivery catch-up: listed "
          + listed
          + ", redelivered "
          + redelivered
          + " (failed but already stored "
          + alreadyStored
          + ", delivered by a later attempt "
          + laterSuccess
          + ", given up "
          + givenUp
          + ", refused by GitHub "
          + refused
          + "); high-water mark "
          + mark.map(CatchUpState.HighWaterMark::describe).orElse("none (nothing in the log)");
    }
  }

  /**
   * The scan stopped: GitHub failed, refused or rate-limited a request. The mark did not move, so
   * the next scan covers the same attempts again.
   */
  record Failed(
      String message, int listed, int redelivered, Optional<CatchUpState.HighWaterMark> mark)
      implements ScanReport {
    @Override
    public boolean completed() {
      return false;
    }

    @Override
    public String describe() {
      return "delivery catch-up failed: "
          + message
          + "; listed "
          + listed
          + ", redelivered "
          + redelivered
          + "; high-water mark unchanged ("
          + mark.map(CatchUpState.HighWaterMark::describe).orElse("none yet")
          + "), trying again at the next scan";
    }
  }
}
