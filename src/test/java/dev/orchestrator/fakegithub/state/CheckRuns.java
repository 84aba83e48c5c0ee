package dev.orchestrator.fakegithub.state;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/** A repository's check runs. */
public final class CheckRuns {
  private final Ids ids;
  private final Map<Long, CheckRun> byId = new TreeMap<>();

  CheckRuns(Ids ids) {
    this.ids = ids;
  }

  /** Stores a new check run built from a fresh id. */
  public synchronized CheckRun create(LongFunction<CheckRun> withId) {
    CheckRun run = withId.apply(ids.next());
    byId.put(run.id(), run);
    return run;
  }

  /** The check run with that id. */
  public synchronized Optional<CheckRun> find(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every check run, oldest first. */
  public synchronized List<CheckRun> all() {
    return List.copyOf(byId.values());
  }

  /** Replaces a check run with {@code change} applied; empty when there is no such id. */
  public synchronized Optional<CheckRun> update(long id, UnaryOperator<CheckRun> change) {
    CheckRun current = byId.get(id);
    if (current == null) {
      return Optional.empty();
    }
    CheckRun next = change.apply(current);
    byId.put(id, next);
    return Optional.of(next);
  }
}
