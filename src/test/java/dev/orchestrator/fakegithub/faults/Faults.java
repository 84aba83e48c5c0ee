package dev.orchestrator.fakegithub.faults;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults a test has armed. The first armed rule that matches a request decides it:
 *
 * <pre>{@code
 * fake.faults().on("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments")
 *     .once(Fault.applyThenDrop());
 * fake.faults().on("GET", "/repos/octo/hello/**").during(Duration.ofMinutes(1),
 *     Fault.secondaryRateLimit(403));
 * }</pre>
 */
public final class Faults {
  private final Clock clock;
  private final List<FaultRule> rules = new ArrayList<>();

  /** Faults whose windows are judged by {@code clock}. */
  public Faults(Clock clock) {
    this.clock = clock;
  }

  /** Starts a rule for {@code method} ({@code *} for any) and a path pattern. */
  public Target on(String method, String pathPattern) {
    return new Target(method, pathPattern);
  }

  /** Disarms every rule. */
  public synchronized void clear() {
    rules.clear();
  }

  /** The fault for this request, counting it against its rule; null when none applies. */
  public synchronized Fault take(String method, String path) {
    Instant now = clock.instant();
    for (FaultRule rule : rules) {
      Fault fault = rule.take(method, path, now);
      if (fault != null) {
        return fault;
      }
    }
    return null;
  }

  private synchronized FaultRule add(FaultRule rule) {
    rules.add(rule);
    return rule;
  }

  /** A method and path pattern waiting to be told how long a fault lasts. */
  public final class Target {
    private final String method;
    private final String pattern;

    private Target(String method, String pattern) {
      this.method = method;
      this.pattern = pattern;
    }

    /** The next matching request only. */
    public FaultRule once(Fault fault) {
      return times(1, fault);
    }

    /** The next {@code n} matching requests. */
    public FaultRule times(int n, Fault fault) {
      if (n < 1) {
        throw new IllegalArgumentException("a fault needs at least one request, not " + n);
      }
      return add(new FaultRule(method, pattern, fault, n, Instant.MIN, null));
    }

    /** Every matching request from now (fake clock) for {@code window}. */
    public FaultRule during(Duration window, Fault fault) {
      Instant now = clock.instant();
      return add(new FaultRule(method, pattern, fault, -1, now, now.plus(window)));
    }

    /** Every matching request until {@link Faults#clear()}. */
    public FaultRule always(Fault fault) {
      return add(new FaultRule(method, pattern, fault, -1, Instant.MIN, null));
    }
  }
}
