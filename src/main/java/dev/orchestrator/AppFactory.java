package dev.orchestrator;

import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.ConfigResult;
import dev.orchestrator.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Builds an {@link App} from an environment map, {@code .env} in the working directory and a clock.
 * The command line gets one of these so tests can supply their own environment and time.
 */
public final class AppFactory {
  private final Map<String, String> env;
  private final Clock clock;
  private final Path dotEnv;
  private final Intervals intervals;

  public AppFactory(Map<String, String> env, Clock clock) {
    this(env, clock, Path.of(".env"));
  }

  public AppFactory(Map<String, String> env, Clock clock, Path dotEnv) {
    this(env, clock, dotEnv, Intervals.DEFAULTS);
  }

  /**
   * The same, with the server's fixed intervals {@code intervals} (the test harness shortens them).
   */
  public AppFactory(Map<String, String> env, Clock clock, Path dotEnv, Intervals intervals) {
    this.env = Map.copyOf(env);
    this.clock = clock;
    this.dotEnv = dotEnv;
    this.intervals = intervals;
  }

  /** The configuration, or every problem with it. */
  public ConfigResult config() {
    return ConfigLoader.load(env, dotEnv);
  }

  /** The settings as far as they could be read, with every problem (for {@code agent doctor}). */
  public ConfigLoader.Inspected inspectConfig() {
    return ConfigLoader.inspect(env, dotEnv);
  }

  /** A new application over valid settings; throws a {@code ConfigException} listing problems. */
  public App open() {
    Settings settings = config().orThrow();
    return new App(settings, clock, dotEnv, intervals);
  }

  public Clock clock() {
    return clock;
  }
}
