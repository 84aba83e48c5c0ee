package dev.orchestrator.github;

import dev.orchestrator.config.Settings;
import dev.orchestrator.fakegithub.FakeGitHub;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.IssueSeed;
import dev.orchestrator.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * FakeGitHub with {@code octo/hello} (issue 1 seeded) and this package's access to it in App mode
 * (installation 1 on {@code octo}), over a governed transport with a test clock and no sleeping.
 */
final class OnFakeGitHub implements AutoCloseable {
  static final Repo REPO = Repo.of("octo/hello").via(1);

  final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
  final RecordingWaiter waiter = new RecordingWaiter(clock);
  final FakeGitHub github;
  final FakeRepo repo;
  final GitHubAccess access;

  OnFakeGitHub(Path dir, GovernorConfig governor) {
    github = FakeGitHub.builder().clock(clock).start();
    repo = github.repo("octo", "hello");
    repo.add(IssueSeed.issue("Crash on start").body("It crashes.").author("alice"));
    Path key = dir.resolve("app.pem");
    try {
      Files.writeString(key, github.keys().pkcs1Pem());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Settings.GitHub settings =
        Fixture.settings(
            Optional.of(github.appId()),
            Optional.of(key),
            Optional.empty(),
            URI.create(github.apiUrl()));
    HttpTransport transport =
        new HttpTransport(
            HttpClient.newHttpClient(), Fixture.relaxed(), governor, clock, waiter, () -> 0.5);
    access = ((GitHubAccess.Opened.Ready) GitHubAccess.open(settings, clock, transport)).access();
  }

  GitHubGateway gateway() {
    return access.gateway();
  }

  /** Fails the test if the fake met a route GitHub's description lacks, then stops it. */
  @Override
  public void close() {
    try {
      github.assertNoUnknownRoutes();
    } finally {
      github.close();
    }
  }
}
