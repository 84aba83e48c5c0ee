package dev.orchestrator.setup;

/**
 * Exchanges the one-time code GitHub hands the callback for the App's credentials ({@code POST
 * /app-manifests/{code}/conversions}); implemented in {@code github}.
 */
public interface Conversion {
  /** The outcome of one exchange. */
  sealed interface Result {
    /** The App exists and these are its credentials. */
    record Converted(Registration registration) implements Result {}

    /** Why not, for the page (never a secret). */
    record Failed(String message) implements Result {}
  }

  /** Exchanges {@code code}; it is good for one exchange within an hour. */
  Result convert(String code);
}
