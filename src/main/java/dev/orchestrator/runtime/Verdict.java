package dev.orchestrator.runtime;

/** The safety validator's answer for one tool call. */
public sealed interface Verdict {
  /** A word for transcripts: allowed, needs_approval or refused. */
  String label();

  record Allowed() implements Verdict {
    @Override
    public String label() {
      return "allowed";
    }
  }

  /** The call may run only with a human's approval; {@code reason} says why. */
  record NeedsApproval(String reason) implements Verdict {
    @Override
    public String label() {
      return "needs_approval";
    }
  }

  /**
   * The call may never run; {@code errorClass} is {@code unknown_tool}, {@code not_allowed} or
   * {@code invalid_arguments}.
   */
  record Refused(String errorClass, String reason) implements Verdict {
    @Override
    public String label() {
      return "refused";
    }
  }
}
