package dev.orchestrator.tool;

import java.util.List;

/** {@code create_issue}: a new issue, its body's mentions neutralised and capped. */
final class CreateIssue extends WriteTool {
  CreateIssue() {
    super("create_issue");
  }

  @Override
  Prepared prepare(Args args, ToolCall call, ToolContext ctx) {
    String title = args.text("title");
    String body = Bodies.cap(Mentions.neutralise(args.text("body")));
    List<String> labels = args.texts("labels");
    return new Prepared(
        WriteRequest.createIssue(ctx.repository(), title, body, labels),
        port -> port.createIssue(title, body, labels));
  }
}
