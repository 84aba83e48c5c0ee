package dev.orchestrator.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.testing.TestClock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandPolicyTest {
  private static final String APP = "agent-orchestrator[bot]";
  private static final Optional<CommandPolicy.MissionRule> STALE =
      Optional.of(new CommandPolicy.MissionRule("stale-issues", Permission.WRITE, false));

  private static Decision decide(SlashCommand c, Requester who, Optional<String> requester) {
    return CommandPolicy.decide(c, who, STALE, requester, APP);
  }

  private static Requester user(String login, Permission p) {
    return new Requester(login, "User", p);
  }

  @Test
  void readersGetHelpButNotStatus() {
    Requester reader = user("rita", Permission.READ);
    assertThat(decide(new SlashCommand.Help(1), reader, Optional.empty()).allowed()).isTrue();
    assertThat(decide(new SlashCommand.Missions(1), reader, Optional.empty()).allowed()).isTrue();
    Decision status = decide(new SlashCommand.Status(1), reader, Optional.empty());
    assertThat(status)
        .isEqualTo(
            new Decision.Refuse(
                "`status` needs triage permission on this repository; @rita has read"));
    assertThat(
            decide(new SlashCommand.Status(1), user("tom", Permission.TRIAGE), Optional.empty())
                .allowed())
        .isTrue();
  }

  @Test
  void runNeedsTheMissionsPermission() {
    SlashCommand run = new SlashCommand.Run(1, "stale-issues", Map.of(), "run");
    assertThat(decide(run, user("rita", Permission.READ), Optional.empty()))
        .isEqualTo(
            new Decision.Refuse(
                "running `stale-issues` needs write permission on this repository; @rita has read"));
    assertThat(decide(run, user("wes", Permission.WRITE), Optional.empty()).allowed()).isTrue();
    assertThat(decide(run, user("ada", Permission.ADMIN), Optional.empty()).allowed()).isTrue();
  }

  @Test
  void theRequesterMayNotApproveTheirOwnRunUnlessTheMissionAllowsIt() {
    SlashCommand approve = new SlashCommand.Approve(1, Optional.of(4L));
    Decision own = decide(approve, user("wes", Permission.ADMIN), Optional.of("wes"));
    assertThat(own).isInstanceOf(Decision.Refuse.class);
    assertThat(((Decision.Refuse) own).reason()).contains("does not allow self-approval");
    assertThat(decide(approve, user("wanda", Permission.WRITE), Optional.of("wes")).allowed())
        .isTrue();
    assertThat(decide(approve, user("tom", Permission.TRIAGE), Optional.of("wes")).allowed())
        .isFalse();
    Optional<CommandPolicy.MissionRule> selfOk =
        Optional.of(new CommandPolicy.MissionRule("stale-issues", Permission.WRITE, true));
    assertThat(
            CommandPolicy.decide(
                    approve, user("wes", Permission.WRITE), selfOk, Optional.of("wes"), APP)
                .allowed())
        .isTrue();
  }

  @Test
  void theRequesterMayCancelTheirOwnRun() {
    SlashCommand cancel = new SlashCommand.Cancel(1, Optional.empty());
    assertThat(decide(cancel, user("rita", Permission.READ), Optional.of("rita")).allowed())
        .isTrue();
    assertThat(decide(cancel, user("rob", Permission.READ), Optional.of("rita")).allowed())
        .isFalse();
  }

  @Test
  void botsAndThisAppAreIgnoredWithoutAReply() {
    assertThat(
            decide(
                new SlashCommand.Help(1),
                new Requester("dependabot[bot]", "Bot", Permission.ADMIN),
                Optional.empty()))
        .isInstanceOf(Decision.Ignore.class);
    assertThat(
            decide(
                new SlashCommand.Help(1),
                new Requester(APP, "User", Permission.ADMIN),
                Optional.empty()))
        .isInstanceOf(Decision.Ignore.class);
  }

  @Test
  void permissionComesFromRoleNameAndFallsBackToTheLegacyField() {
    assertThat(Permission.fromGitHub("triage", "read")).isEqualTo(Permission.TRIAGE);
    assertThat(Permission.fromGitHub("maintain", "write")).isEqualTo(Permission.MAINTAIN);
    assertThat(Permission.fromGitHub("security-reviewer", "write")).isEqualTo(Permission.WRITE);
    assertThat(Permission.fromGitHub(null, "none")).isEqualTo(Permission.NONE);
  }

  @Test
  void tenCommandsPerUserPerRepositoryPerTenMinutes() {
    TestClock clock = TestClock.at("2026-11-27T10:00:00Z");
    CommandRateLimit limit = new CommandRateLimit(clock);
    for (int i = 0; i < 10; i++) {
      assertThat(limit.tryAcquire("o/r", "mona")).isTrue();
      clock.advance(Duration.ofSeconds(30));
    }
    assertThat(limit.tryAcquire("o/r", "mona")).isFalse();
    assertThat(limit.tryAcquire("o/r", "MONA")).isFalse();
    assertThat(limit.tryAcquire("o/other", "mona")).isTrue();
    assertThat(limit.tryAcquire("o/r", "hubot")).isTrue();
    clock.advance(Duration.ofSeconds(301)); // the first command is now older than ten minutes
    assertThat(limit.tryAcquire("o/r", "mona")).isTrue();
    assertThat(limit.tryAcquire("o/r", "mona")).isFalse();
  }
}
