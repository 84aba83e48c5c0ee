package dev.orchestrator.feedback;

import dev.orchestrator.github.CheckRun;
import dev.orchestrator.github.CheckRunRequest;
import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.github.GitHubResult;
import dev.orchestrator.github.Repo;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Check runs for runs on pull requests: created queued on the head SHA, in_progress while running,
 * completed with success, failure, neutral (dry run), cancelled (rejected, cancelled) or timed_out
 * (expired); on BLOCKED completed with action_required and Approve/Reject buttons. A completed
 * check run cannot be reopened, so an approved run gets a new one of the same name.
 */
public final class CheckRuns {
  private static final Logger LOG = LoggerFactory.getLogger(CheckRuns.class);

  public static final String APPROVE = "approve";
  public static final String REJECT = "reject";

  private final GitHubGateway gateway;

  public CheckRuns(GitHubGateway gateway) {
    this.gateway = gateway;
  }

  /** The check run's name for a run: stable per mission, so GitHub shows its history. */
  public static String name(RunRecord run) {
    return "agent: " + run.mission();
  }

  public Optional<CheckRun> create(Repo repo, RunRecord run, String headSha, String status) {
    CheckRunRequest req =
        CheckRunRequest.create(name(run), headSha)
            .status(status)
            .externalId(Long.toString(run.id()))
            .output(
                new CheckRunRequest.Output(
                    name(run),
                    "Run " + run.id() + " is " + status.replace('_', ' ') + ".",
                    Optional.empty()));
    GitHubResult<CheckRun> r = gateway.createCheckRun(repo, req);
    if (!r.isOk()) {
      LOG.warn("run={} creating check run on \"{}\" {}: {}", run.id(), repo, headSha, r.describe());
      return Optional.empty();
    }
    return Optional.of(r.orElseThrow());
  }

  public void update(
      Repo repo,
      RunRecord run,
      long checkRunId,
      RunStatus status,
      String summary,
      Optional<String> detailsUrl,
      Instant now) {
    CheckRunRequest req = CheckRunRequest.update();
    String conclusion = conclusion(run, status);
    if (conclusion == null) {
      req = req.status(status == RunStatus.QUEUED ? "queued" : "in_progress");
    } else {
      req = req.conclusion(conclusion, now);
    }
    if (status == RunStatus.BLOCKED) {
      req =
          req.actions(
              List.of(
                  new CheckRunRequest.Action("Approve", "Approve run " + run.id(), APPROVE),
                  new CheckRunRequest.Action("Reject", "Reject run " + run.id(), REJECT)));
    }
    if (detailsUrl.isPresent()) {
      req = req.detailsUrl(detailsUrl.get());
    }
    req = req.output(new CheckRunRequest.Output(name(run), summary, Optional.empty()));
    GitHubResult<CheckRun> r = gateway.updateCheckRun(repo, checkRunId, req);
    if (!r.isOk()) {
      LOG.warn(
          "run={} updating check run {} on \"{}\": {}", run.id(), checkRunId, repo, r.describe());
    }
  }

  /** GitHub's conclusion for a status, or null while the run is not over. */
  static String conclusion(RunRecord run, RunStatus status) {
    switch (status) {
      case SUCCEEDED:
        return run.dryRun() ? "neutral" : "success";
      case FAILED:
        return "failure";
      case BLOCKED:
        return "action_required";
      case REJECTED:
      case CANCELLED:
        return "cancelled";
      case EXPIRED:
        return "timed_out";
      default:
        return null;
    }
  }
}
