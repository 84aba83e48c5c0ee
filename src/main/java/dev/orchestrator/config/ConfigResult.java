package dev.orchestrator.config;

import java.util.List;

/** What {@link ConfigLoader} produced: settings, or every problem found. */
public sealed interface ConfigResult {
  /** Valid settings. */
  record Ok(Settings settings) implements ConfigResult {}

  /** Every problem, each naming the variable to set. */
  record Invalid(List<String> problems) implements ConfigResult {}

  /** The settings, or an exception listing every problem. */
  default Settings orThrow() {
    if (this instanceof Ok ok) {
      return ok.settings();
    }
    throw new ConfigException(((Invalid) this).problems());
  }
}
