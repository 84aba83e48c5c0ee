package dev.orchestrator.cli;

import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.runtime.Approvals;
import java.io.PrintWriter;
import java.util.function.BiFunction;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code agent approve} and {@code agent cancel} share: an operator decides a run in the
 * database, bypassing GitHub's permission rules, and the transcript marks the decision as break
 * glass. A running server notices the decision on its next approval-poller tick (it edits the
 * status comment and the check run) and its workers resume an approved run from the table.
 */
final class BreakGlass {
  private static final String LOGIN = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?";

  private BreakGlass() {}

  static String login(CommandSpec spec, String option, String value) {
    if (value == null || !value.matches(LOGIN)) {
      throw Options.usage(
          spec,
          option
              + ": expected a GitHub login (letters, digits, inner hyphens); found \""
              + (value == null ? "" : value)
              + "\"");
    }
    return value;
  }

  static int decide(
      CommandSpec spec,
      AppFactory factory,
      long runId,
      BiFunction<Approvals, Long, Approvals.Result> decision) {
    Options.range(spec, "<run-id>", runId, 1, Long.MAX_VALUE);
    Approvals.Result result;
    try (App app = factory.open()) {
      result = decision.apply(app.approvals(), runId);
    }
    PrintWriter out = result.done() ? spec.commandLine().getOut() : spec.commandLine().getErr();
    out.println(
        result.message() + (result.done() ? " (break glass, recorded in its transcript)" : ""));
    out.flush();
    return result.done() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
