package dev.orchestrator.github;

import dev.orchestrator.config.Secret;
import dev.orchestrator.config.Settings;
import dev.orchestrator.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A gateway wired to a {@link LoopbackApi}, with a test clock, short timeouts and no sleeping. */
final class Fixture implements AutoCloseable {
  static final long APP_ID = 4242;
  static final long INSTALLATION = 77;
  static final Repo REPO = Repo.of("octo/repo").via(INSTALLATION);

  final MutableClock clock;
  final RecordingWaiter waiter;
  final LoopbackApi api;
  final HttpTransport transport;
  final GitHubAccess access;

  private Fixture(
      MutableClock clock,
      Settings.GitHub github,
      LoopbackApi api,
      TransportConfig config,
      GovernorConfig governor) {
    this.clock = clock;
    this.waiter = new RecordingWaiter(clock);
    this.api = api;
    this.transport =
        new HttpTransport(
            HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build(),
            config,
            governor,
            clock,
            waiter,
            () -> 0.5);
    GitHubAccess.Opened opened = GitHubAccess.open(github, clock, transport);
    if (!(opened instanceof GitHubAccess.Opened.Ready ready)) {
      throw new IllegalStateException("fixture did not open: " + opened);
    }
    this.access = ready.access();
  }

  /** Generous timeouts: a cold JVM may take a second to answer the first request. */
  static TransportConfig relaxed() {
    return new TransportConfig(
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        3,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30));
  }

  /** Timeouts short enough to exercise in a test. */
  static TransportConfig shortTimeouts() {
    return new TransportConfig(
        Duration.ofMillis(500),
        Duration.ofMillis(400),
        3,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30));
  }

  /** App mode with a PKCS#1 key file, as GitHub issues it. */
  static Fixture app(Path dir) {
    return app(dir, relaxed());
  }

  static Fixture app(Path dir, TransportConfig config) {
    return app(dir, config, GovernorConfig.defaults());
  }

  static Fixture app(Path dir, TransportConfig config, GovernorConfig governor) {
    MutableClock clock = start();
    try {
      Path key = dir.resolve("app.pem");
      Files.writeString(key, TestKeys.pkcs1Pem(TestKeys.RSA));
      LoopbackApi api = new LoopbackApi(clock, TestKeys.RSA.getPublic(), APP_ID);
      Settings.GitHub github =
          settings(Optional.of(APP_ID), Optional.of(key), Optional.empty(), api.uri());
      return new Fixture(clock, github, api, config, governor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Token mode ({@code GITHUB_TOKEN}). */
  static Fixture token(String token) {
    return token(token, relaxed());
  }

  static Fixture token(String token, TransportConfig config) {
    return token(token, config, GovernorConfig.defaults());
  }

  static Fixture token(String token, TransportConfig config, GovernorConfig governor) {
    try {
      MutableClock clock = start();
      LoopbackApi api = new LoopbackApi(clock, TestKeys.RSA.getPublic(), APP_ID);
      Settings.GitHub github =
          settings(Optional.empty(), Optional.empty(), Optional.of(Secret.of(token)), api.uri());
      return new Fixture(clock, github, api, config, governor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Settings.GitHub settings(
      Optional<Long> appId, Optional<Path> keyPath, Optional<Secret> token, URI api) {
    return new Settings.GitHub(
        appId,
        Optional.empty(),
        keyPath,
        token,
        Optional.empty(),
        Optional.empty(),
        api,
        Settings.GitHub.DEFAULT_WEB_URL);
  }

  GitHubGateway gateway() {
    return access.gateway();
  }

  GitHubGateway gateway(Priority priority) {
    return access.gateway(priority);
  }

  @Override
  public void close() {
    api.close();
  }

  private static MutableClock start() {
    return MutableClock.at("2025-06-01T12:00:00Z");
  }
}
