package dev.orchestrator.tool;

import java.util.Locale;

/** {@code create_check_run}: a completed, neutral check run reporting on a commit. */
final class CreateCheckRun extends WriteTool {
  CreateCheckRun() {
    super("create_check_run");
  }

  @Override
  Prepared prepare(Args args, ToolCall call, ToolContext ctx) {
    String name = args.text("name");
    String headSha = args.text("head_sha").toLowerCase(Locale.ROOT);
    String summary = Bodies.cap(args.text("summary"));
    return new Prepared(
        WriteRequest.createCheckRun(ctx.repository(), name, headSha, summary),
        port -> port.createCheckRun(name, headSha, summary));
  }
}
