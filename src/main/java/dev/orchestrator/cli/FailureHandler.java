package dev.orchestrator.cli;

import dev.orchestrator.config.ConfigException;
import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one clear line on stderr and exit code 1. A
 * configuration problem lists every problem; anything else is logged once, here, at the boundary.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
    if (e instanceof ConfigException) {
      cl.getErr().println(e.getMessage());
    } else {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      cl.getErr().println("error: " + message);
    }
    cl.getErr().flush();
    return ExitCodes.FAILED;
  }
}
