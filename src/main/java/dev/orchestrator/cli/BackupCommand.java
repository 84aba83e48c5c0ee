package dev.orchestrator.cli;

import dev.orchestrator.AppFactory;
import dev.orchestrator.config.Settings;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.DatabaseBackup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent backup --to FILE}: a checked copy of the database, safe while the server runs. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the database (DATABASE_URL) to FILE while the server keeps running, then check the"
          + " copy (PRAGMA integrity_check) and print its rows per table.",
      "The copy is one self-contained SQLite file; it appears under FILE only once checked."
    },
    footer = {
      "",
      "Exit codes:",
      "  0  the backup was written and passed the integrity check",
      "  1  nothing was written: FILE exists (without --force), no database,",
      "     a failed check, or the configuration failed",
      "  2  bad usage"
    })
final class BackupCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the backup; its directory must exist.")
  Path to;

  @Option(names = "--force", description = "Overwrite FILE if it exists.")
  boolean force;

  BackupCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    Settings settings = factory.config().orThrow();
    Path database = Database.fileOf(settings.store().databaseUrl());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TerminalProgress progress = TerminalProgress.forConsole(err);
    DatabaseBackup.Result result = DatabaseBackup.run(database, to, force, progress);
    progress.done();
    if (result instanceof DatabaseBackup.Result.Failed failed) {
      err.println("backup failed: " + failed.message());
      err.flush();
      return ExitCodes.FAILED;
    }
    DatabaseBackup.Result.Done done = (DatabaseBackup.Result.Done) result;
    out.println(
        "backed up \""
            + database
            + "\" to \""
            + done.target()
            + "\" ("
            + Bytes.of(done.summary().bytes())
            + ", schema version "
            + done.summary().schemaVersion()
            + ")");
    out.println("integrity check: ok");
    RowCounts.print(out, "rows per table:", done.summary().rowCounts());
    out.flush();
    return ExitCodes.OK;
  }
}
