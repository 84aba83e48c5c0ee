package dev.orchestrator.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers deliveries GitHub could not make to us (PRODUCT.md, "What happens to a webhook", point
 * 5). GitHub does not redeliver by itself, so each scan pages through the App's delivery log,
 * newest first, back to the high-water mark of the last completed scan (never further than {@link
 * #WINDOW}, as long as GitHub keeps redeliverable attempts), picks the failed attempts whose guid
 * we never stored ({@link CatchUpSelection}), and asks GitHub to redeliver them. The redelivery
 * arrives at the webhook route like any delivery, with the same {@code X-GitHub-Delivery}, so it is
 * stored and dispatched exactly once.
 *
 * <p>The whole slice is listed before anything is requested, and the mark moves only when every
 * page was read and every request answered: a scan that GitHub fails or rate-limits changes
 * nothing, and the next one covers the same attempts again.
 */
public final class CatchUp {
  private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);

  /** How far back a scan looks at most: GitHub redelivers attempts of the last 3 days. */
  public static final Duration WINDOW = Duration.ofDays(3);

  /** Redelivery requests per guid before catch-up stops asking. */
  public static final int MAX_REQUESTS = 3;

  /**
   * Pages one scan reads at most (100 attempts each), so a log that never ends (a cursor that
   * repeats) cannot hold the scan forever.
   */
  public static final int MAX_PAGES = 1_000;

  private final MissedDeliveries log;
  private final Predicate<String> stored;
  private final CatchUpState state;
  private final IntakeMetrics metrics;
  private final Clock clock;

  /**
   * A catch-up over GitHub's log, with {@code stored} telling whether a guid is in our deliveries
   * table ({@link DeliveryStore#contains}).
   */
  public CatchUp(
      MissedDeliveries log,
      Predicate<String> stored,
      CatchUpState state,
      IntakeMetrics metrics,
      Clock clock) {
    this.log = log;
    this.stored = stored;
    this.state = state;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** One scan; never throws for what GitHub does. */
  public ScanReport scan() {
    Instant now = clock.instant();
    Instant horizon = now.minus(WINDOW);
    Optional<CatchUpState.HighWaterMark> mark = state.mark();
    List<LoggedDelivery> slice = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    for (int page = 1; ; page++) {
      MissedDeliveries.Listing listing = log.page(cursor);
      if (listing instanceof MissedDeliveries.Listing.Failed f) {
        String when = f.retryAt().map(t -> " (GitHub asks to wait until " + t + ")").orElse("");
        return new ScanReport.Failed(
            "page " + page + " of the delivery log: " + f.message() + when, slice.size(), 0, mark);
      }
      MissedDeliveries.Listing.Page p = (MissedDeliveries.Listing.Page) listing;
      boolean reached = false;
      for (LoggedDelivery d : p.deliveries()) {
        // ids grow with time in GitHub's log, so everything from the mark's id down was covered,
        // even when the mark's own attempt has since left the log
        if (mark.isPresent() && d.id() <= mark.get().deliveryId()
            || d.deliveredAt().isBefore(horizon)) {
          reached = true;
          break;
        }
        slice.add(d);
      }
      if (reached || p.next().isEmpty()) {
        break;
      }
      if (page == MAX_PAGES) {
        LOG.warn(
            "delivery catch-up: stopped after {} pages ({} attempts) before reaching the"
                + " high-water mark or {} back; older attempts are not checked",
            MAX_PAGES,
            slice.size(),
            WINDOW);
        break;
      }
      cursor = p.next();
    }
    return redeliver(slice, mark, now, horizon);
  }

  private ScanReport redeliver(
      List<LoggedDelivery> slice,
      Optional<CatchUpState.HighWaterMark> mark,
      Instant now,
      Instant horizon) {
    CatchUpSelection selection = CatchUpSelection.of(slice, stored, state::requests, MAX_REQUESTS);
    for (LoggedDelivery d : selection.givenUp()) {
      LOG.warn(
          "delivery catch-up: not asking again for {}: asked {} times already and it still failed"
              + " (is the webhook secret the same on GitHub and here?)",
          d.describe(),
          MAX_REQUESTS);
    }
    int redelivered = 0;
    int refused = 0;
    String failure = null;
    for (LoggedDelivery d : selection.redeliver()) {
      MissedDeliveries.Request r = log.redeliver(d.id());
      if (r instanceof MissedDeliveries.Request.Accepted) {
        state.requested(d.guid(), now);
        metrics.recovered();
        redelivered++;
        LOG.debug("delivery catch-up: asked GitHub to redeliver {}", d.describe());
      } else if (r instanceof MissedDeliveries.Request.Refused refusal) {
        refused++;
        LOG.warn(
            "delivery catch-up: GitHub refused to redeliver {}: {}",
            d.describe(),
            refusal.message());
      } else {
        failure = "asking GitHub to redeliver " + d.describe() + ": " + r.message();
        break; // GitHub is failing or rate-limiting: the rest waits for the next scan
      }
    }
    if (failure != null) {
      return new ScanReport.Failed(failure, slice.size(), redelivered, mark);
    }
    Optional<CatchUpState.HighWaterMark> next =
        slice.isEmpty()
            ? mark.map(m -> new CatchUpState.HighWaterMark(m.deliveryId(), m.deliveredAt(), now))
            : Optional.of(
                new CatchUpState.HighWaterMark(slice.get(0).id(), slice.get(0).deliveredAt(), now));
    next.ifPresent(m -> state.completed(m, horizon));
    return new ScanReport.Completed(
        slice.size(),
        redelivered,
        selection.alreadyStored(),
        selection.laterSuccess(),
        selection.givenUp().size(),
        refused,
        next);
  }
}
