package dev.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.tool.ToolCall;
import dev.orchestrator.tool.ToolRegistry;
import org.junit.jupiter.api.Test;

class SafetyValidatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SafetyValidator validator = new SafetyValidator(ToolRegistry.standard());

  private static ToolCall call(String tool, String args) throws Exception {
    return new ToolCall(tool, JSON.readTree(args.replace('\'', '"')), 0);
  }

  private static Mission mission(boolean approval) {
    return MissionRuntimeTest.mission(
        "name: m\ndescription: d\ngoal: g\nplanner: llm\nrequires_approval: "
            + approval
            + "\nallowed_tools: [get_issue, post_comment, close_issue]\n");
  }

  @Test
  void everyVerdict() throws Exception {
    Mission open = mission(false);
    assertThat(validator.check(call("get_issue", "{'number': 1}"), open))
        .isEqualTo(new Verdict.Allowed());
    assertThat(validator.check(call("post_comment", "{'number': 1, 'body': 'hi'}"), open))
        .isEqualTo(new Verdict.Allowed());
    assertThat(validator.check(call("close_issue", "{'number': 1}"), open))
        .isEqualTo(
            new Verdict.NeedsApproval("\"close_issue\" is destructive and always needs approval"));
    assertThat(validator.check(call("post_comment", "{'number': 1, 'body': 'hi'}"), mission(true)))
        .isEqualTo(
            new Verdict.NeedsApproval(
                "mission \"m\" requires approval before its write tools run"));
    assertThat(validator.check(call("get_issue", "{'number': 1}"), mission(true)))
        .isEqualTo(new Verdict.Allowed());
    assertThat(validator.check(call("add_labels", "{'number': 1, 'labels': ['x']}"), open))
        .isEqualTo(
            new Verdict.Refused(
                "not_allowed", "tool \"add_labels\" is not in the allowed_tools of mission \"m\""));
    assertThat(validator.check(call("merge_pull_request", "{}"), open))
        .isEqualTo(
            new Verdict.Refused("unknown_tool", "tool \"merge_pull_request\" does not exist"));
    Verdict bad = validator.check(call("get_issue", "{'number': 1, 'owner': 'evil'}"), open);
    assertThat(bad).isInstanceOf(Verdict.Refused.class);
    assertThat(((Verdict.Refused) bad).errorClass()).isEqualTo("invalid_arguments");
    assertThat(((Verdict.Refused) bad).reason()).contains("\"owner\"");
  }
}
