package dev.orchestrator.tool;

/** {@code post_comment}: a comment, mentions neutralised, capped, carrying the run's marker. */
final class PostComment extends WriteTool {
  PostComment() {
    super("post_comment");
  }

  @Override
  Prepared prepare(Args args, ToolCall call, ToolContext ctx) {
    int number = args.integer("number");
    String body = Bodies.cap(Mentions.neutralise(args.text("body")));
    String marker = ctx.outputMarker(call);
    return new Prepared(
        WriteRequest.postComment(ctx.repository(), number, body, marker),
        port -> port.postComment(number, body, marker));
  }
}
