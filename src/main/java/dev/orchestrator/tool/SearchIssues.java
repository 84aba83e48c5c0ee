package dev.orchestrator.tool;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code search_issues}: GitHub issue search within the run's repository. Qualifiers that widen or
 * move the scope ({@code repo:}, {@code org:}, {@code user:}, {@code owner:}) are refused: the port
 * adds {@code repo:<owner>/<repo>} and GitHub would combine several scopes.
 */
final class SearchIssues extends BaseTool {
  static final int DEFAULT_LIMIT = 30;
  // Any qualifier-like word not glued to a letter or digit before it: after a space of any kind,
  // a quote, a comma or a parenthesis alike, since what GitHub takes for a separator is its call.
  private static final Pattern SCOPE =
      Pattern.compile("(?<![\\p{L}\\p{N}_])(repo|org|user|owner):", Pattern.CASE_INSENSITIVE);

  SearchIssues() {
    super("search_issues");
  }

  @Override
  ToolResult run(Args args, ToolCall call, ToolContext ctx) {
    String query = args.text("query");
    Matcher scope = SCOPE.matcher(query);
    if (scope.find()) {
      return new ToolResult.Refused(
          "search_issues is limited to the run's repository: remove the \""
              + scope.group(1).toLowerCase(Locale.ROOT)
              + ":\" qualifier from \""
              + query
              + "\"");
    }
    int limit = args.optionalInteger("limit").orElse(DEFAULT_LIMIT);
    return ctx.repositoryPort().searchIssues(query, limit);
  }
}
