package dev.orchestrator.dispatch;

/**
 * What follows a human decision on a run, whichever way it came: an approved run is queued again
 * (wake the workers), an ended one is reported (status comment, check run, reactions).
 */
@FunctionalInterface
public interface DecisionEffects {
  void decided(long runId);

  DecisionEffects NONE = runId -> {};
}
