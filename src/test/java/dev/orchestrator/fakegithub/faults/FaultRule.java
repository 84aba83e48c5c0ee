package dev.orchestrator.fakegithub.faults;

import java.time.Instant;
import java.util.Locale;

/**
 * One armed fault: which requests it hits (method and path pattern), for how long (a number of
 * requests or a window of the fake's clock), and what it does. Patterns are paths whose segments
 * may be {@code *} or a {@code {name}} (one segment) or a final {@code **} (the rest), so both a
 * description template and a concrete path work.
 */
public final class FaultRule {
  private final String method;
  private final String[] pattern;
  private final Fault fault;
  private final Instant from;
  private final Instant until;
  private int remaining;
  private int hits;

  FaultRule(String method, String pattern, Fault fault, int times, Instant from, Instant until) {
    this.method = method.toUpperCase(Locale.ROOT);
    this.pattern = segments(pattern);
    this.fault = fault;
    this.remaining = times;
    this.from = from;
    this.until = until;
  }

  /** How many requests it has hit so far. */
  public synchronized int hits() {
    return hits;
  }

  /** True while it can still hit a request at {@code now}. */
  public synchronized boolean armed(Instant now) {
    boolean inWindow = until == null || (!now.isBefore(from) && now.isBefore(until));
    return inWindow && remaining != 0;
  }

  /** The fault when this rule hits the request (counting it), else null. */
  synchronized Fault take(String requestMethod, String path, Instant now) {
    if (!armed(now) || !methodMatches(requestMethod) || !pathMatches(segments(path))) {
      return null;
    }
    if (remaining > 0) {
      remaining--;
    }
    hits++;
    return fault;
  }

  private boolean methodMatches(String requestMethod) {
    return method.equals("*") || method.equalsIgnoreCase(requestMethod);
  }

  private boolean pathMatches(String[] path) {
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      if (p.equals("**")) {
        return true;
      }
      if (i >= path.length) {
        return false;
      }
      boolean wildcard = p.equals("*") || (p.startsWith("{") && p.endsWith("}"));
      if (!wildcard && !p.equals(path[i])) {
        return false;
      }
    }
    return pattern.length == path.length;
  }

  private static String[] segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }
}
