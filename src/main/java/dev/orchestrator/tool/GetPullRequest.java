package dev.orchestrator.tool;

/** {@code get_pull_request}: a pull request of the run's repository. */
final class GetPullRequest extends BaseTool {
  GetPullRequest() {
    super("get_pull_request");
  }

  @Override
  ToolResult run(Args args, ToolCall call, ToolContext ctx) {
    return ctx.repositoryPort().getPullRequest(args.integer("number"));
  }
}
