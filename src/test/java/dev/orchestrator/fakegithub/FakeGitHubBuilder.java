package dev.orchestrator.fakegithub;

import dev.orchestrator.fakegithub.auth.TestKeys;
import dev.orchestrator.fakegithub.http.Route;
import dev.orchestrator.fakegithub.openapi.OpenApiIndex;
import dev.orchestrator.fakegithub.state.Installation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Options for a {@link FakeGitHub}; every one has a default. */
public final class FakeGitHubBuilder {
  Clock clock = Clock.systemUTC();
  TestKeys keys = TestKeys.shared();
  long appId = 4242;
  String appSlug = "agent-orchestrator-test";
  String appName = "Agent Orchestrator (test)";
  String webhookSecret = "fake-webhook-secret";
  final List<Installation> installations = new ArrayList<>();
  final List<Route> extraRoutes = new ArrayList<>();

  FakeGitHubBuilder() {}

  /** The clock for tokens, JWTs, rate-limit windows, fault windows and timestamps. */
  public FakeGitHubBuilder clock(Clock value) {
    clock = value;
    return this;
  }

  /** The app's key pair (default: one shared per JVM). */
  public FakeGitHubBuilder keys(TestKeys value) {
    keys = value;
    return this;
  }

  /** The app's id and slug (its bot is {@code <slug>[bot]}). */
  public FakeGitHubBuilder app(long id, String slug) {
    appId = id;
    appSlug = slug;
    return this;
  }

  /** An installation; the first one's account also owns the app. Default: 1 on {@code octo}. */
  public FakeGitHubBuilder installation(Installation value) {
    installations.add(value);
    return this;
  }

  /** The webhook secret manifest conversions hand out. */
  public FakeGitHubBuilder webhookSecret(String value) {
    webhookSecret = value;
    return this;
  }

  /**
   * A route beyond GitHub's: it must still be in the vendored description, which the start-up check
   * enforces (the test of that check uses this).
   */
  public FakeGitHubBuilder extraRoute(Route route) {
    extraRoutes.add(route);
    return this;
  }

  /** Starts the fake on a free port of 127.0.0.1. */
  public FakeGitHub start() {
    if (installations.isEmpty()) {
      installations.add(new Installation(1, "octo", "Organization", Set.of()));
    }
    return new FakeGitHub(this, OpenApiIndex.load());
  }
}
