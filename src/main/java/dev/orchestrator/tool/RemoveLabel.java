package dev.orchestrator.tool;

/** {@code remove_label}: one label removed from an issue or pull request. */
final class RemoveLabel extends WriteTool {
  RemoveLabel() {
    super("remove_label");
  }

  @Override
  Prepared prepare(Args args, ToolCall call, ToolContext ctx) {
    int number = args.integer("number");
    String label = args.text("label");
    return new Prepared(
        WriteRequest.removeLabel(ctx.repository(), number, label),
        port -> port.removeLabel(number, label));
  }
}
