package dev.orchestrator.tool;

import java.util.List;

/** {@code assign}: people assigned to an issue or pull request. */
final class Assign extends WriteTool {
  Assign() {
    super("assign");
  }

  @Override
  Prepared prepare(Args args, ToolCall call, ToolContext ctx) {
    int number = args.integer("number");
    List<String> assignees = args.texts("assignees");
    return new Prepared(
        WriteRequest.assign(ctx.repository(), number, assignees),
        port -> port.assign(number, assignees));
  }
}
