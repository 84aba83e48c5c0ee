package dev.orchestrator.doctor;

import dev.orchestrator.store.Database;
import dev.orchestrator.store.DatabaseProbe;
import dev.orchestrator.store.StoreException;
import java.nio.file.Path;

/** The database: there (or creatable), writable, and migrated to this build's schema. */
final class DatabaseCheck {
  private static final String CHECK = "database";

  private DatabaseCheck() {}

  static Finding run(String databaseUrl) {
    Path file;
    try {
      file = Database.fileOf(databaseUrl);
    } catch (StoreException e) {
      return Finding.fail(
          CHECK, "DATABASE_URL \"" + databaseUrl + "\" is not jdbc:sqlite:<file>; fix it");
    }
    DatabaseProbe.Result probe = DatabaseProbe.probe(file);
    if (probe instanceof DatabaseProbe.Result.Absent absent) {
      return absent
          .whyNot()
          .map(
              why ->
                  Finding.fail(
                      CHECK,
                      "\""
                          + absent.file()
                          + "\" does not exist and cannot be created: "
                          + why
                          + "; set DATABASE_URL to a writable place"))
          .orElseGet(
              () ->
                  Finding.ok(
                      CHECK,
                      "\"" + absent.file() + "\" does not exist yet; `agent serve` creates it"));
    }
    if (probe instanceof DatabaseProbe.Result.Unusable bad) {
      return Finding.fail(
          CHECK,
          "\""
              + bad.file()
              + "\" "
              + bad.reason()
              + "; fix its permissions or set DATABASE_URL to another file");
    }
    DatabaseProbe.Result.Ready ready = (DatabaseProbe.Result.Ready) probe;
    String where = "\"" + ready.file() + "\"";
    if (ready.version() > ready.latest()) {
      return Finding.fail(
          CHECK,
          where
              + " has schema version "
              + ready.version()
              + ", newer than this build's "
              + ready.latest()
              + ": run the agent version that wrote it, or restore an older backup");
    }
    if (ready.version() < ready.latest()) {
      return Finding.warn(
          CHECK,
          where
              + " is writable, at schema version "
              + ready.version()
              + " of "
              + ready.latest()
              + ": `agent serve` migrates it when it starts; take a backup first"
              + " (`agent backup --to FILE`)");
    }
    return Finding.ok(
        CHECK, where + " is writable, schema version " + ready.version() + " (latest)");
  }
}
