package dev.orchestrator.dispatch;

import dev.orchestrator.command.CommandPolicy;
import dev.orchestrator.command.Decision;
import dev.orchestrator.command.Permission;
import dev.orchestrator.command.Requester;
import dev.orchestrator.command.SlashCommand;
import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.github.GitHubResult;
import dev.orchestrator.github.Reaction;
import dev.orchestrator.github.Repo;
import dev.orchestrator.github.Tagged;
import dev.orchestrator.runtime.Approvals;
import dev.orchestrator.runtime.RunLinkStore;
import dev.orchestrator.runtime.RunLinks;
import dev.orchestrator.runtime.RunRecord;
import dev.orchestrator.runtime.RunStatus;
import dev.orchestrator.runtime.RunStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GitHub sends no webhook for reactions, so the 👍/👎 on BLOCKED runs' status comments are polled:
 * conditional requests (a 304 costs no rate limit), on a back-off from the initial to the maximum
 * interval, at most {@link #PER_INSTALLATION_PER_TICK} polls per installation per tick, re-checked
 * at once when another event arrives for the same issue, and stopped at expiry, when the run is
 * expired. Only each user's latest reaction counts; a permitted 👎 wins over a 👍.
 */
public final class ApprovalPoller {
  private static final Logger LOG = LoggerFactory.getLogger(ApprovalPoller.class);
  static final int PER_INSTALLATION_PER_TICK = 5;

  private static final class State {
    Optional<String> etag = Optional.empty();
    Instant due;
    Duration interval;
    List<Reaction> last = List.of();
  }

  private final GitHubGateway gateway;
  private final RunStore runs;
  private final RunLinkStore links;
  private final RepositoryCatalogs catalogs;
  private final PermissionCache permissions;
  private final Identity identity;
  private final Approvals approvals;
  private final DecisionEffects effects;
  private final Clock clock;
  private final Duration initial;
  private final Duration max;
  private final Duration timeout;
  private final Map<Long, State> states = new ConcurrentHashMap<>();
  private final Set<Long> reportedHere = ConcurrentHashMap.newKeySet();

  ApprovalPoller(
      GitHubGateway gateway,
      RunStore runs,
      RunLinkStore links,
      RepositoryCatalogs catalogs,
      PermissionCache permissions,
      Identity identity,
      Approvals approvals,
      DecisionEffects effects,
      Clock clock,
      Duration initial,
      Duration max,
      Duration timeout) {
    this.gateway = gateway;
    this.runs = runs;
    this.links = links;
    this.catalogs = catalogs;
    this.permissions = permissions;
    this.identity = identity;
    this.approvals = approvals;
    this.effects = effects;
    this.clock = clock;
    this.initial = initial;
    this.max = max;
    this.timeout = timeout;
  }

  /** Another event arrived for this issue: look at its blocked runs now. */
  public void recheck(String repository, int issue) {
    if (states.isEmpty()) {
      return; // no blocked run is tracked, so there is nothing to hurry (and no query per comment)
    }
    for (RunRecord r : runs.onIssue(repository, issue, java.util.EnumSet.of(RunStatus.BLOCKED))) {
      State s = states.get(r.id());
      if (s != null) {
        s.due = clock.instant();
      }
    }
  }

  /** One pass over the blocked runs; called by a scheduler. Returns how many were polled. */
  public int tick() {
    Instant now = clock.instant();
    Map<Long, Integer> perInstallation = new HashMap<>();
    int polled = 0;
    List<RunRecord> blocked = runs.withStatus(RunStatus.BLOCKED, 10_000);
    noticeDecidedElsewhere(blocked.stream().map(RunRecord::id).collect(Collectors.toSet()));
    for (RunRecord run : blocked) {
      var mission =
          run.repository()
              .map(Repo::of)
              .map(catalogs::forRepository)
              .flatMap(v -> v.mission(run.mission()));
      Duration limit = mission.map(m -> m.approvalTimeoutOr(timeout)).orElse(timeout);
      if (run.updatedAt().plus(limit).isBefore(now)) {
        if (approvals.expire(run.id()).done()) {
          LOG.info("run={} expired: no decision within {}", run.id(), limit);
          decided(run.id());
        }
        continue;
      }
      State s = states.computeIfAbsent(run.id(), id -> fresh(now));
      if (s.due.isAfter(now)
          || perInstallation.merge(run.installationId(), 1, Integer::sum)
              > PER_INSTALLATION_PER_TICK) {
        continue;
      }
      polled++;
      poll(run, s, now);
    }
    return polled;
  }

  /** This server made and reported the decision on {@code runId} itself. */
  public void reported(long runId) {
    reportedHere.add(runId);
  }

  /**
   * A run that was waiting and no longer is, without this server deciding it, was decided in the
   * database (by {@code agent approve|cancel}): report it as if decided here (status comment, check
   * run, wake the workers for an approved run).
   */
  private void noticeDecidedElsewhere(Set<Long> blocked) {
    for (Long id : List.copyOf(states.keySet())) {
      if (!blocked.contains(id)) {
        states.remove(id);
        if (!reportedHere.remove(id)) {
          LOG.info("run={} was decided outside this server; reporting it", id);
          effects.decided(id);
        }
      }
    }
    reportedHere.removeIf(id -> !states.containsKey(id) && !blocked.contains(id));
  }

  private void decided(long runId) {
    reported(runId);
    effects.decided(runId);
  }

  private State fresh(Instant now) {
    State s = new State();
    s.interval = initial;
    s.due = now.plus(initial);
    return s;
  }

  private void poll(RunRecord run, State s, Instant now) {
    Optional<Long> comment = links.find(run.id()).flatMap(RunLinks::statusCommentId);
    s.interval = min(s.interval.multipliedBy(2), max);
    s.due = now.plus(s.interval);
    if (comment.isEmpty() || run.repository().isEmpty()) {
      return;
    }
    Repo repo = dev.orchestrator.feedback.RunFeedback.repo(run);
    GitHubResult<Optional<Tagged<List<Reaction>>>> r =
        gateway.listReactions(repo, comment.get(), s.etag);
    if (!r.isOk()) {
      // a deferred poll is not asked again before the lane's "not before" instant
      r.retryAt().filter(s.due::isBefore).ifPresent(t -> s.due = t);
      LOG.warn("run={} polling reactions on \"{}\": {}", run.id(), repo, r.describe());
      return;
    }
    if (r.orElseThrow().isPresent()) {
      s.etag = r.orElseThrow().get().etag();
      s.last = r.orElseThrow().get().value();
    }
    decide(run, repo, s.last);
  }

  private void decide(RunRecord run, Repo repo, List<Reaction> reactions) {
    Map<String, Reaction> latest = new HashMap<>();
    for (Reaction x : reactions) {
      if (("+1".equals(x.content()) || "-1".equals(x.content()))) {
        latest.merge(
            x.user().toLowerCase(java.util.Locale.ROOT), x, (a, b) -> a.id() > b.id() ? a : b);
      }
    }
    Optional<String> approver = Optional.empty();
    for (Reaction x : latest.values()) {
      if (Requester.isBot(x.user(), "User")
          || x.user().equalsIgnoreCase(identity.loginOrUnknown())) {
        continue;
      }
      boolean approve = "+1".equals(x.content());
      SlashCommand c =
          approve
              ? new SlashCommand.Approve(0, Optional.of(run.id()))
              : new SlashCommand.Reject(0, Optional.of(run.id()), Optional.empty());
      Optional<Permission> level = permissions.of(repo, x.user());
      if (level.isEmpty()) {
        continue;
      }
      Decision d =
          CommandPolicy.decide(
              c,
              new Requester(x.user(), "User", level.get()),
              Optional.of(RunLookup.rule(run, catalogs.forRepository(repo).mission(run.mission()))),
              run.requestedBy(),
              identity.loginOrUnknown());
      if (!d.allowed()) {
        continue;
      }
      if (!approve) {
        if (approvals.reject(run.id(), x.user(), Optional.of("rejected with 👎")).done()) {
          decided(run.id());
        }
        return;
      }
      approver = Optional.of(x.user());
    }
    if (approver.isPresent() && approvals.approve(run.id(), approver.get(), false).done()) {
      decided(run.id());
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
