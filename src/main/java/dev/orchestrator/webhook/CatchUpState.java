package dev.orchestrator.webhook;

import java.time.Instant;
import java.util.Optional;

/**
 * What catch-up remembers between scans: the high-water mark of the last completed scan, and the
 * redelivery requests it made per guid (so a delivery our server keeps refusing is not asked for
 * forever).
 */
public interface CatchUpState {
  /** The mark of the last completed scan; empty before the first one. */
  Optional<HighWaterMark> mark();

  /**
   * Records a completed scan: its mark, and forgets requests made before {@code forgetBefore}
   * (GitHub keeps its log 3 days, so older ones can no longer be listed).
   */
  void completed(HighWaterMark mark, Instant forgetBefore);

  /** How many redeliveries of {@code guid} catch-up asked for so far. */
  int requests(String guid);

  /** Records one redelivery request for {@code guid}. */
  void requested(String guid, Instant at);

  /**
   * The newest position in GitHub's log that a completed scan covered.
   *
   * @param deliveryId the newest attempt's id then; later scans stop at it
   * @param deliveredAt that attempt's time
   * @param scannedAt when the scan completed
   */
  record HighWaterMark(long deliveryId, Instant deliveredAt, Instant scannedAt) {
    /** For log lines. */
    public String describe() {
      return "delivery " + deliveryId + " of " + deliveredAt;
    }
  }
}
