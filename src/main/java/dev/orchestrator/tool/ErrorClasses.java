package dev.orchestrator.tool;

/**
 * The error classes tools record in {@code result.error.class}. {@code explain} reads them back to
 * say what went wrong and what to do; GitHub-backed ports add their own classes next to these.
 */
public final class ErrorClasses {
  /** The arguments do not match the tool's schema; the message names the argument. */
  public static final String INVALID_ARGUMENTS = "invalid_arguments";

  /** No tool of that name is registered. */
  public static final String UNKNOWN_TOOL = "unknown_tool";

  /** The run has no GitHub credentials and the event payload cannot answer. */
  public static final String OFFLINE = "offline";

  /** The tool refused for safety: {@link ToolResult.Refused}. */
  public static final String REFUSED = "refused";

  /** The path names a directory, or a file whose content GitHub does not inline. */
  public static final String NOT_A_FILE = "not_a_file";

  private ErrorClasses() {}
}
