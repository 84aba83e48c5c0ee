package dev.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.fakegithub.FakeGitHub;
import dev.orchestrator.fakegithub.faults.Fault;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.github.GitHubAccess;
import dev.orchestrator.github.HttpTransport;
import dev.orchestrator.github.Repo;
import dev.orchestrator.github.TransportConfig;
import dev.orchestrator.mission.LoadResult;
import dev.orchestrator.mission.MissionLoader;
import dev.orchestrator.testing.GitHubScenario;
import dev.orchestrator.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What events may trigger when {@code .github/agent.yml} cannot be read: only a 404 means "not
 * opted in"; GitHub not answering (5xx after the read's retries) with nothing kept is unknown, and
 * a refusal counts as no file, as before. What was read before is kept through a failure.
 */
class RepositoryCatalogsTest {
  private static final String CONFIG = "/repos/octo/widgets/contents/.github/agent.yml";

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
  private FakeGitHub github;
  private FakeRepo widgets;
  private RepositoryCatalogs catalogs;
  private final Repo repo = Repo.of("octo/widgets").via(1);

  @BeforeEach
  void start() throws IOException {
    github = FakeGitHub.builder().clock(clock).start();
    widgets = github.repo("octo", "widgets");
    widgets.file(".github/agent.yml", "triggers: [issue-triage]\n");
    var settings =
        ConfigLoader.load(GitHubScenario.appEnv(github, dir), dir.resolve("none.env"))
            .orThrow()
            .github();
    // retries wait by moving the clock, not by sleeping
    HttpTransport transport =
        HttpTransport.create(
            TransportConfig.defaults(),
            clock,
            notBefore -> {
              if (clock.instant().isBefore(notBefore)) {
                clock.set(notBefore);
              }
            });
    GitHubAccess access =
        ((GitHubAccess.Opened.Ready) GitHubAccess.open(settings, clock, transport)).access();
    LoadResult global =
        MissionLoader.global().loadFiles(List.of(Path.of("missions/issue-triage.yml")));
    catalogs = new RepositoryCatalogs(global.catalog(), access.gateway(), clock);
  }

  @AfterEach
  void stop() {
    github.close();
    github.assertNoUnknownRoutes();
  }

  private static RepositoryCatalogs.View known(RepositoryCatalogs.Triggers t) {
    assertThat(t).isInstanceOf(RepositoryCatalogs.Triggers.Known.class);
    return ((RepositoryCatalogs.Triggers.Known) t).view();
  }

  @Test
  void aFileGitHubCannotServeWithNothingKeptIsUnknownForEventsButAbsentForCommands() {
    github.faults().on("GET", CONFIG).always(Fault.badGateway());
    RepositoryCatalogs.Triggers t = catalogs.forEvents(repo);
    assertThat(t).isInstanceOf(RepositoryCatalogs.Triggers.Unknown.class);
    assertThat(((RepositoryCatalogs.Triggers.Unknown) t).reason())
        .startsWith("could not read .github/agent.yml: ")
        .contains("502");
    assertThat(catalogs.forRepository(repo).config().triggers()).isEmpty();

    github.faults().clear();
    assertThat(known(catalogs.forEvents(repo)).config().triggers("issue-triage")).isTrue();
  }

  @Test
  void aMissingFileIsNotOptedInAndARefusalCountsAsNoFile() {
    github.repo("octo", "plain");
    Repo plain = Repo.of("octo/plain").via(1);
    assertThat(known(catalogs.forEvents(plain)).config().triggers()).isEmpty();

    github.faults().on("GET", CONFIG).once(Fault.status(403));
    assertThat(known(catalogs.forEvents(repo)).config().triggers()).isEmpty();
    // a refusal is not kept: the next event reads the file again
    assertThat(known(catalogs.forEvents(repo)).config().triggers("issue-triage")).isTrue();
  }

  @Test
  void missionsGitHubCannotListWithNothingKeptMakeEventsUnknownButARefusalDoesNot() {
    String missions = "/repos/octo/widgets/contents/.github/agent/missions";
    github.faults().on("GET", missions).always(Fault.badGateway());
    RepositoryCatalogs.Triggers t = catalogs.forEvents(repo);
    assertThat(t).isInstanceOf(RepositoryCatalogs.Triggers.Unknown.class);
    assertThat(((RepositoryCatalogs.Triggers.Unknown) t).reason())
        .startsWith("could not read .github/agent/missions: ")
        .contains("502");
    // commands are not held: the repository's own missions are unavailable, with the reason
    assertThat(catalogs.forRepository(repo).problems())
        .anySatisfy(p -> assertThat(p.render()).contains("could not be read"));

    github.faults().clear();
    github.faults().on("GET", missions).once(Fault.status(403));
    assertThat(known(catalogs.forEvents(repo)).config().triggers("issue-triage")).isTrue();
    github.faults().clear();
    assertThat(known(catalogs.forEvents(repo)).config().triggers("issue-triage")).isTrue();
  }

  @Test
  void whatWasReadBeforeIsKeptWhileGitHubCannotServeTheFile() {
    assertThat(known(catalogs.forEvents(repo)).config().triggers("issue-triage")).isTrue();
    clock.advance(RepositoryCatalogs.REVALIDATE_AFTER.plus(Duration.ofMinutes(1)));
    github.faults().on("GET", CONFIG).always(Fault.badGateway());
    assertThat(known(catalogs.forEvents(repo)).config().triggers("issue-triage")).isTrue();
    assertThat(github.requests("GET", CONFIG)).hasSizeGreaterThan(1);
  }
}
