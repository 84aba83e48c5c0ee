package dev.orchestrator.setup;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code state} values handed to GitHub with the manifest, each good for one callback within
 * {@link #LIFETIME}. The state is what ties a callback to a visit of {@code /setup}: a callback
 * without a live one is refused, so nobody can push a registration of their own into this server.
 * In memory on purpose: a restart during registration only means starting it again.
 */
public final class SetupStates {
  /** As long as GitHub's manifest code lives. */
  public static final Duration LIFETIME = Duration.ofHours(1);

  /** Outstanding states kept at most; the oldest go first (each page view issues one). */
  static final int MAX_OUTSTANDING = 100;

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> issued = new LinkedHashMap<>();

  public SetupStates(Clock clock) {
    this.clock = clock;
  }

  /** Why a callback's state was accepted or not. */
  public enum Check {
    ACCEPTED("accepted"),
    MISSING("the callback carries no state"),
    UNKNOWN("the state is not one this server issued, or it was used already"),
    EXPIRED("the state has expired (states last one hour)");

    private final String reason;

    Check(String reason) {
      this.reason = reason;
    }

    /** Said on the refusal page. */
    public String reason() {
      return reason;
    }
  }

  /** A new random state (32 bytes, hex), valid for {@link #LIFETIME}. */
  public synchronized String issue() {
    forgetExpired();
    while (issued.size() >= MAX_OUTSTANDING) {
      Iterator<String> oldest = issued.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String state = HexFormat.of().formatHex(bytes);
    issued.put(state, clock.instant().plus(LIFETIME));
    return state;
  }

  /** Uses up {@code state}: accepted at most once, and only before it expires. */
  public synchronized Check redeem(String state) {
    if (state == null || state.isBlank()) {
      return Check.MISSING;
    }
    Instant expires = issued.remove(state);
    if (expires == null) {
      return Check.UNKNOWN;
    }
    return clock.instant().isBefore(expires) ? Check.ACCEPTED : Check.EXPIRED;
  }

  /** Expired states are kept for another lifetime, so a late callback hears "expired". */
  private void forgetExpired() {
    Instant horizon = clock.instant().minus(LIFETIME);
    issued.values().removeIf(expires -> !horizon.isBefore(expires));
  }
}
