package dev.orchestrator.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * GitHub's log of the App's webhook deliveries, newest first, and redelivery requests: what the
 * catch-up reads and asks for. The {@code github} package implements it with the App's JWT.
 */
public interface MissedDeliveries {
  /** The largest page the log serves. */
  int MAX_PAGE = 100;

  /** One page of the log from {@code cursor} (empty: the newest). */
  Listing page(Optional<String> cursor);

  /** Asks GitHub to deliver the attempt {@code id} again (same guid, to the App's webhook URL). */
  Request redeliver(long id);

  /** A page of the log, or why there is none. */
  sealed interface Listing {
    /** Attempts newest first, and the cursor of the next (older) page when there is one. */
    record Page(List<LoggedDelivery> deliveries, Optional<String> next) implements Listing {}

    /**
     * GitHub failed, refused, or asked us to wait (a rate limit); {@code retryAt} is when, if it
     * said.
     */
    record Failed(String message, Optional<Instant> retryAt) implements Listing {}
  }

  /** The outcome of a redelivery request. */
  sealed interface Request {
    /** For log lines, lowercase. */
    String message();

    /** GitHub accepted it (202); the attempt follows asynchronously. */
    record Accepted() implements Request {
      @Override
      public String message() {
        return "accepted";
      }
    }

    /**
     * GitHub refused this request for good (a 4xx such as 404 for an attempt it no longer keeps):
     * asking again will not help.
     */
    record Refused(String message) implements Request {}

    /** GitHub failed or is rate-limiting us: nothing was done, and asking later may work. */
    record Failed(String message) implements Request {}
  }
}
