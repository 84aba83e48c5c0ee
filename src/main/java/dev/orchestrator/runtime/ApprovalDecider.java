package dev.orchestrator.runtime;

import dev.orchestrator.mission.Mission;
import dev.orchestrator.tool.Risk;
import dev.orchestrator.tool.ToolCall;
import java.util.Optional;

/** Decides a call that needs approval: approved, denied, or still pending (the run blocks). */
@FunctionalInterface
public interface ApprovalDecider {
  /** The decision, with who made it where known. */
  record Decision(Kind kind, Optional<String> by, Optional<String> reason) {
    public enum Kind {
      APPROVED,
      DENIED,
      PENDING
    }

    public static Decision pending() {
      return new Decision(Kind.PENDING, Optional.empty(), Optional.empty());
    }

    public static Decision approved(String by) {
      return new Decision(Kind.APPROVED, Optional.of(by), Optional.empty());
    }

    public static Decision denied(String by, Optional<String> reason) {
      return new Decision(Kind.DENIED, Optional.of(by), reason);
    }
  }

  Decision decide(ToolCall call, Mission mission, RunContext context, Risk risk);

  /** Nobody has decided yet: the run blocks and asks. */
  static ApprovalDecider pending() {
    return (call, mission, context, risk) -> Decision.pending();
  }

  /** The run was approved by {@code login}: every call of this run that needs approval may run. */
  static ApprovalDecider approvedBy(String login) {
    return (call, mission, context, risk) -> Decision.approved(login);
  }
}
