package dev.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code explain} for each failure class: the class, a remedy and the runbook section. */
class ExplanationTest {
  @ParameterizedTest
  @CsvSource({
    "invalid_arguments,failure-rate,agent validate",
    "not_allowed,failure-rate,allowed_tools",
    "unknown_tool,failure-rate,does not exist",
    "template_error,failure-rate,reference",
    "offline,failure-rate,GITHUB_TOKEN",
    "github_5xx,breaker-open,circuit breaker",
    "github_timeout,breaker-open,did not answer",
    "github_outcome_unknown,breaker-open,marker",
    "github_not_found,failure-rate,404",
    "rate_limited,rate-limit-low,reset",
    "timeout,slow-missions,timeout:",
    "max_steps,slow-missions,max_steps:",
    "lease_expired,failure-rate,worker",
    "llm_not_configured,budget,LLM_BASE_URL",
    "budget,budget,larger budget",
    "rejected,approval-timeouts,rejected",
    "expired,approval-timeouts,approval_timeout",
    "internal,failure-rate,bug",
    "something_new,failure-rate,bug"
  })
  void everyFailureClassGetsARemedyAndARunbookSection(String cls, String section, String hint) {
    ObjectNode t = new ObjectMapper().createObjectNode();
    t.put("mission_id", "7")
        .put("mission", "m")
        .put("planner", "deterministic")
        .put("status", "FAILED");
    t.put("trigger", "cli")
        .put("started_at", "2026-11-27T10:00:00Z")
        .put("finished_at", "2026-11-27T10:00:01Z");
    t.putObject("totals").put("duration", 1.0);
    t.putArray("steps");
    t.putObject("error").put("class", cls).put("message", "it broke").put("infrastructure", false);
    String text = Explanation.text(t);
    assertThat(text)
        .contains("failed: it broke")
        .contains("failure class: " + cls)
        .contains("runbook: docs/RUNBOOK.md#" + section)
        .contains(hint);
  }
}
