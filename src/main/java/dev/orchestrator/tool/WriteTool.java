package dev.orchestrator.tool;

import java.util.Objects;
import java.util.function.Function;

/**
 * A write or destructive tool. It prepares the request once; a dry run records it and never touches
 * the port, a real run sends the same prepared values through the port. Subclasses cannot skip the
 * dry-run check: {@link #run} is final.
 */
abstract class WriteTool extends BaseTool {

  /** The prepared write: what would be sent, and how to send it. */
  record Prepared(WriteRequest request, Function<RepositoryPort, ToolResult> send) {
    Prepared {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(send, "send");
    }
  }

  WriteTool(String name) {
    super(name);
    if (risk() == Risk.READ) {
      throw new IllegalStateException("tool \"" + name + "\" is a read tool, not a write tool");
    }
  }

  @Override
  final ToolResult run(Args args, ToolCall call, ToolContext ctx) {
    Prepared prepared = prepare(args, call, ctx);
    if (ctx.dryRun()) {
      return new ToolResult.Recorded(prepared.request().toJson());
    }
    return prepared.send().apply(ctx.repositoryPort());
  }

  /** The final values of the write (neutralised, capped), as a request and as a port call. */
  abstract Prepared prepare(Args args, ToolCall call, ToolContext ctx);
}
