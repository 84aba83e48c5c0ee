package dev.orchestrator.tool;

import java.util.Optional;

/** {@code close_issue}: an issue closed as completed or not planned. Destructive. */
final class CloseIssue extends WriteTool {
  CloseIssue() {
    super("close_issue");
  }

  @Override
  Prepared prepare(Args args, ToolCall call, ToolContext ctx) {
    int number = args.integer("number");
    Optional<String> reason = args.optionalText("reason");
    return new Prepared(
        WriteRequest.closeIssue(ctx.repository(), number, reason),
        port -> port.closeIssue(number, reason));
  }
}
