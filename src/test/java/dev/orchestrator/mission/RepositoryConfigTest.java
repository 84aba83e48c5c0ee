package dev.orchestrator.mission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RepositoryConfigTest {
  private static final Set<String> KNOWN = Set.of("issue-triage", "stale-issues", "welcome");

  @Test
  void listsTriggersAndDisables() {
    RepositoryConfig.Parsed parsed =
        RepositoryConfig.parse("triggers: [issue-triage, welcome]\ndisable: [welcome]\n", KNOWN);

    assertThat(parsed).isInstanceOf(RepositoryConfig.Parsed.Ok.class);
    assertThat(parsed.config().triggers("issue-triage")).isTrue();
    assertThat(parsed.config().triggers("welcome")).as("disabled wins").isFalse();
    assertThat(parsed.config().disables("welcome")).isTrue();
    assertThat(parsed.config().disables("stale-issues")).isFalse();
  }

  @Test
  void anUnknownNameIsReportedAndTheRestStaysInEffect() {
    RepositoryConfig.Parsed parsed =
        RepositoryConfig.parse(
            "triggers: [issue-triage, welcom]\ndisable: [stale-issues]\n", KNOWN);

    assertThat(parsed)
        .isInstanceOfSatisfying(
            RepositoryConfig.Parsed.Invalid.class,
            i ->
                assertThat(i.problems())
                    .extracting(Problem::render)
                    .containsExactly(
                        ".github/agent.yml:1:26: triggers: no mission named \"welcom\";"
                            + " did you mean \"welcome\"?"));
    assertThat(parsed.config().triggers()).containsExactly("issue-triage");
    assertThat(parsed.config().disables("stale-issues")).isTrue();
  }

  @Test
  void anUnknownKeyIsReportedAtItsPosition() {
    RepositoryConfig.Parsed parsed =
        RepositoryConfig.parse("triggers: [issue-triage]\ndisabel: [stale-issues]\n", KNOWN);

    assertThat(((RepositoryConfig.Parsed.Invalid) parsed).problems())
        .extracting(Problem::render)
        .containsExactly(
            ".github/agent.yml:2:1: unknown key \"disabel\"; allowed: triggers, disable");
    assertThat(parsed.config().triggers()).containsExactly("issue-triage");
    assertThat(parsed.config().disable()).isEmpty();
  }

  @Test
  void anEmptyFileOptsInToNothing() {
    assertThat(RepositoryConfig.parse("", KNOWN).config()).isEqualTo(RepositoryConfig.absent());
    assertThat(RepositoryConfig.parse("triggers: [", KNOWN).config())
        .isEqualTo(RepositoryConfig.absent());
  }
}
