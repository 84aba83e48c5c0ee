package dev.orchestrator.mission;

import java.util.List;

/**
 * What loading missions produced: a catalog, or every problem plus the missions that were valid.
 */
public sealed interface LoadResult permits LoadResult.Loaded, LoadResult.Invalid {

  /** The valid missions (all of them when {@link Loaded}). */
  MissionCatalog catalog();

  /** Every problem, ordered by file then position; empty when {@link Loaded}. */
  List<Problem> problems();

  default boolean isValid() {
    return problems().isEmpty();
  }

  /** Every mission is valid. */
  record Loaded(MissionCatalog catalog) implements LoadResult {
    @Override
    public List<Problem> problems() {
      return List.of();
    }
  }

  /**
   * At least one problem. {@code partialCatalog} holds the missions of files without problems, so a
   * server can keep running those while saying what is broken.
   */
  record Invalid(List<Problem> problems, MissionCatalog partialCatalog) implements LoadResult {
    public Invalid {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid result needs a problem");
      }
    }

    @Override
    public MissionCatalog catalog() {
      return partialCatalog;
    }
  }
}
