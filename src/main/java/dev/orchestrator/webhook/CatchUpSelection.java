package dev.orchestrator.webhook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Which listed attempts to have GitHub redeliver: pure, over one scan's slice of the log.
 *
 * <p>A guid is decided by its newest failed attempt (a failure is a status that is not 2xx,
 * including 0 for no answer). It is skipped when a later attempt of the same guid succeeded (we
 * have it, or another receiver took it), when we stored that guid (we answered, but too late or
 * after GitHub gave up), or when catch-up has already asked {@code maxRequests} times (our server
 * keeps refusing it: a wrong secret, a payload over the cap). Otherwise it is redelivered, once per
 * scan whatever the number of its failed attempts.
 *
 * @param redeliver the attempts to redeliver, newest first
 * @param alreadyStored failed guids we have stored
 * @param laterSuccess failed guids with a later successful attempt
 * @param givenUp failed attempts whose guid was asked for {@code maxRequests} times already
 */
public record CatchUpSelection(
    List<LoggedDelivery> redeliver,
    int alreadyStored,
    int laterSuccess,
    List<LoggedDelivery> givenUp) {

  /**
   * Decides over {@code newestFirst}.
   *
   * @param stored whether a guid is in our deliveries table
   * @param requests how many redeliveries of a guid catch-up asked for before
   */
  public static CatchUpSelection of(
      List<LoggedDelivery> newestFirst,
      Predicate<String> stored,
      ToIntFunction<String> requests,
      int maxRequests) {
    Set<String> succeeded = new HashSet<>(); // guids with a success newer than the current entry
    Set<String> decided = new HashSet<>();
    List<LoggedDelivery> redeliver = new ArrayList<>();
    List<LoggedDelivery> givenUp = new ArrayList<>();
    int alreadyStored = 0;
    int laterSuccess = 0;
    for (LoggedDelivery d : newestFirst) {
      if (d.succeeded()) {
        succeeded.add(d.guid());
        continue;
      }
      if (!decided.add(d.guid())) {
        continue; // a newer failed attempt of this guid decided it
      }
      if (succeeded.contains(d.guid())) {
        laterSuccess++;
      } else if (stored.test(d.guid())) {
        alreadyStored++;
      } else if (requests.applyAsInt(d.guid()) >= maxRequests) {
        givenUp.add(d);
      } else {
        redeliver.add(d);
      }
    }
    return new CatchUpSelection(List.copyOf(redeliver), alreadyStored, laterSuccess, givenUp);
  }
}
