package dev.orchestrator.tool;

/** {@code get_issue}: an issue (or a pull request seen as an issue) of the run's repository. */
final class GetIssue extends BaseTool {
  GetIssue() {
    super("get_issue");
  }

  @Override
  ToolResult run(Args args, ToolCall call, ToolContext ctx) {
    return ctx.repositoryPort().getIssue(args.integer("number"));
  }
}
