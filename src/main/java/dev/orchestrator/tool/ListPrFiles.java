package dev.orchestrator.tool;

/** {@code list_pr_files}: the files a pull request of the run's repository changes. */
final class ListPrFiles extends BaseTool {
  ListPrFiles() {
    super("list_pr_files");
  }

  @Override
  ToolResult run(Args args, ToolCall call, ToolContext ctx) {
    return ctx.repositoryPort().listPrFiles(args.integer("number"));
  }
}
