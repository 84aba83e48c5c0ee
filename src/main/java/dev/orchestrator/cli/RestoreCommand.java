package dev.orchestrator.cli;

import dev.orchestrator.AppFactory;
import dev.orchestrator.config.Settings;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.DatabaseRestore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent restore --from FILE}: puts a backup in the database's place; the server is down. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Replace the database (DATABASE_URL) with a backup made by `agent backup`.",
      "Refuses while a server runs on the database. Checks the backup first (SQLite header,"
          + " integrity, a schema this build knows), keeps the replaced database as"
          + " <database>.replaced-<UTC time>, then opens the restored one, migrating it forward"
          + " if it is older."
    },
    footer = {
      "",
      "Exit codes:",
      "  0  restored",
      "  1  refused, nothing changed: a server is running, the backup is unusable,",
      "     or the configuration failed; or the restored database would not open",
      "     (the message then says where the replaced one is kept)",
      "  2  bad usage"
    })
final class RestoreCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "FILE",
      description = "The backup to restore.")
  Path from;

  RestoreCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    Settings settings = factory.config().orThrow();
    Path database = Database.fileOf(settings.store().databaseUrl());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TerminalProgress progress = TerminalProgress.forConsole(err);
    DatabaseRestore.Result result = DatabaseRestore.run(from, database, factory.clock(), progress);
    progress.done();
    if (result instanceof DatabaseRestore.Result.Refused refused) {
      err.println("restore refused: " + refused.message());
      err.flush();
      return ExitCodes.FAILED;
    }
    DatabaseRestore.Result.Restored done = (DatabaseRestore.Result.Restored) result;
    out.println(
        "restored \""
            + from.toAbsolutePath().normalize()
            + "\" (schema version "
            + done.backupVersion()
            + ") into \""
            + done.database()
            + "\"");
    if (done.summary().schemaVersion() != done.backupVersion()) {
      out.println(
          "migrated from schema version "
              + done.backupVersion()
              + " to "
              + done.summary().schemaVersion());
    }
    out.println(
        done.replacedBy()
            .map(p -> "the replaced database is kept at \"" + p + "\"")
            .orElse("there was no database to replace"));
    RowCounts.print(out, "rows per table:", done.summary().rowCounts());
    out.println("start the server again with `agent serve`");
    out.flush();
    return ExitCodes.OK;
  }
}
