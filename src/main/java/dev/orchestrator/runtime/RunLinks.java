package dev.orchestrator.runtime;

import java.util.Optional;

/** Where a run shows up on GitHub; every part is filled in as it comes to exist. */
public record RunLinks(
    long runId,
    Optional<String> deliveryId,
    Optional<Long> commentId,
    Optional<Long> eyesReactionId,
    Optional<Long> statusCommentId,
    Optional<Long> checkRunId,
    Optional<String> checkRunName,
    Optional<Long> rocketReactionId) {

  public static RunLinks none(long runId) {
    return new RunLinks(
        runId,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public RunLinks withStatusComment(long id) {
    return new RunLinks(
        runId,
        deliveryId,
        commentId,
        eyesReactionId,
        Optional.of(id),
        checkRunId,
        checkRunName,
        rocketReactionId);
  }

  public RunLinks withCheckRun(long id, String name) {
    return new RunLinks(
        runId,
        deliveryId,
        commentId,
        eyesReactionId,
        statusCommentId,
        Optional.of(id),
        Optional.of(name),
        rocketReactionId);
  }

  public RunLinks withEyes(Optional<Long> id) {
    return new RunLinks(
        runId,
        deliveryId,
        commentId,
        id,
        statusCommentId,
        checkRunId,
        checkRunName,
        rocketReactionId);
  }

  public RunLinks withRocket(Optional<Long> id) {
    return new RunLinks(
        runId,
        deliveryId,
        commentId,
        eyesReactionId,
        statusCommentId,
        checkRunId,
        checkRunName,
        id);
  }
}
