package dev.orchestrator.tool;

import java.util.List;

/** {@code add_labels}: labels added to an issue or pull request. */
final class AddLabels extends WriteTool {
  AddLabels() {
    super("add_labels");
  }

  @Override
  Prepared prepare(Args args, ToolCall call, ToolContext ctx) {
    int number = args.integer("number");
    List<String> labels = args.texts("labels");
    return new Prepared(
        WriteRequest.addLabels(ctx.repository(), number, labels),
        port -> port.addLabels(number, labels));
  }
}
