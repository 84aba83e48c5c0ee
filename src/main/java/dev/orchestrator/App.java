package dev.orchestrator;

import dev.orchestrator.config.Settings;
import dev.orchestrator.runtime.RunStore;
import dev.orchestrator.store.Database;
import dev.orchestrator.store.SqliteRunStore;
import java.time.Clock;

/**
 * The composition root: builds every service from {@link Settings} on first use and closes them.
 * Nothing else wires concrete classes together.
 */
public final class App implements AutoCloseable {
  private final Settings settings;
  private final Clock clock;
  private Database database;

  public App(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public Settings settings() {
    return settings;
  }

  public Clock clock() {
    return clock;
  }

  /** The database, opened and migrated on first use. */
  public synchronized Database database() {
    if (database == null) {
      database = Database.open(settings.store().databaseUrl());
    }
    return database;
  }

  public RunStore runs() {
    return new SqliteRunStore(database());
  }

  @Override
  public synchronized void close() {
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
