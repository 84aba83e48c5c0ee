package dev.orchestrator.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.github.CheckRun;
import dev.orchestrator.github.Comment;
import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.github.GitHubResult;
import dev.orchestrator.github.Repo;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.ReportPolicy;
import dev.orchestrator.report.StatusComment;
import dev.orchestrator.runtime.RunLinkStore;
import dev.orchestrator.runtime.RunLinks;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.runtime.RunStore;
import dev.orchestrator.runtime.TranscriptStore;
import dev.orchestrator.tool.ToolCall;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells GitHub where a run stands: reactions, its one status comment, its check run. */
public final class RunFeedback {
  private static final Logger LOG = LoggerFactory.getLogger(RunFeedback.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GitHubGateway gateway;
  private final RunStore runs;
  private final RunLinkStore links;
  private final TranscriptStore transcripts;
  private final Reactions reactions;
  private final CheckRuns checkRuns;
  private final Clock clock;
  private final Duration defaultApprovalTimeout;
  private final String webUrl;

  public RunFeedback(
      GitHubGateway gateway,
      RunStore runs,
      RunLinkStore links,
      TranscriptStore transcripts,
      Clock clock,
      Duration defaultApprovalTimeout,
      String webUrl) {
    this.webUrl = webUrl;
    this.gateway = gateway;
    this.runs = runs;
    this.links = links;
    this.transcripts = transcripts;
    this.reactions = new Reactions(gateway);
    this.checkRuns = new CheckRuns(gateway);
    this.clock = clock;
    this.defaultApprovalTimeout = defaultApprovalTimeout;
  }

  /** The run's repository, through its installation when it has one. */
  public static Repo repo(RunRecord run) {
    Repo r = Repo.of(run.repository().orElseThrow());
    return run.installationId() > 0 ? r.via(run.installationId()) : r;
  }

  static boolean byCommand(RunRecord run) {
    return run.trigger().startsWith("command:");
  }

  /** The run was claimed by a worker. */
  public void started(RunRecord run, Optional<Mission> mission) {
    if (run.repository().isEmpty()) {
      return;
    }
    Repo repo = repo(run);
    RunLinks l = links.find(run.id()).orElse(RunLinks.none(run.id()));
    Optional<String> sha = headSha(run, repo);
    if (sha.isPresent()) {
      // a completed check run cannot be reopened: a run resuming after its approval (however it
      // was given: comment, button, reaction, command line) gets a new one of the same name
      if (l.checkRunId().isEmpty() || resumingAfterApproval(run)) {
        Optional<CheckRun> created = checkRuns.create(repo, run, sha.get(), "in_progress");
        if (created.isPresent()) {
          l = l.withCheckRun(created.get().id(), created.get().name());
          links.save(l);
        }
      } else {
        checkRuns.update(
            repo,
            run,
            l.checkRunId().get(),
            RunStatus.RUNNING,
            "Run " + run.id() + " is running.",
            Optional.empty(),
            clock.instant());
      }
    }
    if (byCommand(run) && run.issueNumber().isPresent()) {
      status(repo, run, l, RunStatus.RUNNING, List.of(), mission);
    }
  }

  /** Adds 🚀 to the triggering comment of a run still running after 10 s. */
  public void stillRunning(RunRecord run) {
    Optional<RunLinks> l = links.find(run.id());
    if (l.isEmpty()
        || l.get().commentId().isEmpty()
        || l.get().rocketReactionId().isPresent()
        || run.repository().isEmpty()) {
      return;
    }
    Optional<Long> rocket =
        reactions.add(repo(run), l.get().commentId().get(), Reactions.ROCKET, "run=" + run.id());
    links.save(l.get().withRocket(rocket));
  }

  /** The run stopped: it ended, or it waits for approval. */
  public void stopped(long runId, List<ToolCall> planned, Optional<Mission> mission) {
    RunRecord run = runs.find(runId).orElseThrow();
    if (run.repository().isEmpty()) {
      return;
    }
    Repo repo = repo(run);
    RunLinks l = links.find(run.id()).orElse(RunLinks.none(run.id()));
    boolean report =
        byCommand(run)
            || run.status() != RunStatus.SUCCEEDED
            || mission.map(m -> m.report() == ReportPolicy.ALWAYS).orElse(false);
    if (report && run.issueNumber().isPresent()) {
      l = status(repo, run, l, run.status(), planned, mission);
    }
    // an approved run (QUEUED again) keeps its completed check run until a worker resumes it
    if (l.checkRunId().isPresent() && run.status() != RunStatus.QUEUED) {
      String url = l.statusCommentId().map(id -> commentUrl(webUrl, repo, run, id)).orElse("");
      checkRuns.update(
          repo,
          run,
          l.checkRunId().get(),
          run.status(),
          summary(run),
          url.isEmpty() ? Optional.empty() : Optional.of(url),
          clock.instant());
    }
    if (run.status().isTerminal() && l.commentId().isPresent()) {
      String end = run.status() == RunStatus.SUCCEEDED ? Reactions.DONE : Reactions.FAILED;
      reactions.finish(repo, l.commentId().get(), end, l.eyesReactionId(), "run=" + run.id());
      reactions.remove(repo, l.commentId().get(), l.rocketReactionId(), "run=" + run.id());
    }
  }

  private RunLinks status(
      Repo repo,
      RunRecord run,
      RunLinks l,
      RunStatus status,
      List<ToolCall> planned,
      Optional<Mission> mission) {
    Optional<JsonNode> transcript = transcripts.find(run.id()).map(RunFeedback::json);
    Optional<String> summary =
        transcript.map(t -> t.path("summary").asText("")).filter(s -> !s.isEmpty());
    Optional<StatusComment.Approval> approval =
        mission.map(
            m ->
                new StatusComment.Approval(
                    m.permission().label(),
                    m.allowSelfApproval(),
                    run.createdAt()
                            .plus(m.approvalTimeoutOr(defaultApprovalTimeout))
                            .isAfter(clock.instant())
                        ? clock.instant().plus(m.approvalTimeoutOr(defaultApprovalTimeout))
                        : clock.instant(),
                    m.allowedTools(),
                    m.budget().map(RunFeedback::budgetWords)));
    String body = StatusComment.render(run, status, transcript, summary, planned, approval);
    int issue = run.issueNumber().get();
    if (l.statusCommentId().isPresent()) {
      GitHubResult<Comment> r = gateway.updateComment(repo, l.statusCommentId().get(), body);
      if (!r.isOk()) {
        LOG.warn(
            "run={} editing status comment on \"{}#{}\": {}", run.id(), repo, issue, r.describe());
      }
      return l;
    }
    GitHubResult<Comment> r = gateway.createComment(repo, issue, body);
    if (!r.isOk()) {
      LOG.warn(
          "run={} posting status comment on \"{}#{}\": {}", run.id(), repo, issue, r.describe());
      return l;
    }
    RunLinks saved = l.withStatusComment(r.orElseThrow().id());
    links.save(saved);
    supersede(repo, run, r.orElseThrow().id());
    return saved;
  }

  /** Cuts the previous status comment of the same mission on the same issue to one line. */
  private void supersede(Repo repo, RunRecord run, long newComment) {
    List<RunRecord> earlier =
        runs
            .onIssue(
                run.repository().get(), run.issueNumber().get(), EnumSet.allOf(RunStatus.class))
            .stream()
            .filter(
                r ->
                    r.id() < run.id()
                        && r.mission().equals(run.mission())
                        && r.status().isTerminal())
            .toList();
    for (int i = earlier.size() - 1; i >= 0; i--) {
      RunRecord old = earlier.get(i);
      Optional<Long> comment = links.find(old.id()).flatMap(RunLinks::statusCommentId);
      if (comment.isPresent() && comment.get() != newComment) {
        gateway.updateComment(repo, comment.get(), StatusComment.superseded(old, run.id()));
        return;
      }
    }
  }

  /**
   * Approved and not yet past the call it stopped at: the checkpoint still holds the paused call
   * (deterministic) or the pause (llm), which the first step after the approval removes.
   */
  static boolean resumingAfterApproval(RunRecord run) {
    JsonNode memory = run.checkpointJson().map(RunFeedback::json).orElse(JSON.createObjectNode());
    return memory.has("approved_by") && (memory.has("pending_call") || memory.has("paused"));
  }

  private Optional<String> headSha(RunRecord run, Repo repo) {
    if (run.headSha().isPresent()) {
      return run.headSha();
    }
    JsonNode event = run.eventJson().map(RunFeedback::json).orElse(JSON.createObjectNode());
    boolean onPullRequest = event.path("issue").has("pull_request") || event.has("pull_request");
    if (!onPullRequest || run.issueNumber().isEmpty()) {
      return Optional.empty();
    }
    return gateway.getPullRequest(repo, run.issueNumber().get()).optional().map(pr -> pr.headSha());
  }

  private static String summary(RunRecord run) {
    return "Run "
        + run.id()
        + " of `"
        + run.mission()
        + "` is "
        + run.status().name().toLowerCase(java.util.Locale.ROOT)
        + run.error().map(e -> ": " + e).orElse(".");
  }

  private static String commentUrl(String webUrl, Repo repo, RunRecord run, long commentId) {
    return webUrl
        + "/"
        + repo.fullName()
        + "/issues/"
        + run.issueNumber().orElse(0)
        + "#issuecomment-"
        + commentId;
  }

  static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }

  private static String budgetWords(dev.orchestrator.mission.Budget b) {
    List<String> parts = new java.util.ArrayList<>();
    b.usd().ifPresent(u -> parts.add("$" + u.toPlainString()));
    b.tokens().ifPresent(t -> parts.add(t + " tokens"));
    return parts.isEmpty() ? "unlimited" : String.join(", ", parts);
  }
}
