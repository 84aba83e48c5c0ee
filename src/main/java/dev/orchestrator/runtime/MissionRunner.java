package dev.orchestrator.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.PlannerType;
import dev.orchestrator.planner.ModelUsage;
import dev.orchestrator.planner.Planned;
import dev.orchestrator.planner.Planner;
import dev.orchestrator.tool.ToolCall;
import dev.orchestrator.tool.ToolRegistry;
import dev.orchestrator.tool.ToolResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs a mission step by step: planner → safety validator → approval → tool → transcript. It never
 * waits for a human: a call that needs an approval nobody has given yet ends this execution as
 * {@link RunOutcome.Blocked}, with the planner's memory left where the run resumes. Nor does it
 * wait for GitHub's rate limit: a call the governor deferred ends it as {@link RunOutcome.Deferred}
 * with the call not observed, so the planner asks for the same call when the run resumes.
 */
public final class MissionRunner {
  /** Memory key: who approved this run (later calls that need approval then run). */
  static final String APPROVED_BY = "approved_by";

  /** Memory key: the run blocked because its planner paused ({@link Planned.Pause}). */
  static final String PAUSED = "paused";

  private final SafetyValidator validator;
  private final ToolRegistry registry;
  private final Clock clock;

  public MissionRunner(ToolRegistry registry, Clock clock) {
    this.registry = registry;
    this.validator = new SafetyValidator(registry);
    this.clock = clock;
  }

  /** Runs until the mission finishes, fails, blocks or is rejected. */
  public RunOutcome run(
      Mission mission,
      Planner planner,
      ObjectNode memory,
      RunContext ctx,
      Transcript transcript,
      ApprovalDecider approvals) {
    Instant deadline = ctx.startedAt().plus(mission.timeout());
    Optional<Verdict.Refused> lastRefusal = Optional.empty();
    if (memory.has(PAUSED)) {
      // A BLOCKED run executes again only after it was approved (BLOCKED → QUEUED is the
      // approval edge of the transition table): the planner may go on as it asked.
      memory.remove(PAUSED);
      planner.approved(memory);
    }
    while (true) {
      if (clock.instant().isAfter(deadline)) {
        return new RunOutcome.Failed(
            "timeout",
            "the run took longer than its timeout of " + mission.timeout().toSeconds() + "s",
            true);
      }
      ModelUsage before = planner.usage(memory);
      Planned next = planner.next(memory);
      // what the model call behind this step cost, if next() made one
      ModelUsage spent = planner.usage(memory).since(before);
      if (spent.calls() > 0) {
        transcript.modelCall(spent);
      }
      if (next instanceof Planned.Pause pause) {
        if (ctx.dryRun()) {
          return new RunOutcome.Failed(
              pause.errorClass(),
              pause.reason() + " (a dry run does not wait for approval)",
              false);
        }
        memory.putObject(PAUSED).put("class", pause.errorClass()).put("reason", pause.reason());
        return new RunOutcome.Blocked(pause.reason());
      }
      if (next instanceof Planned.Finish f) {
        return new RunOutcome.Succeeded(f.summary());
      }
      if (next instanceof Planned.Fail fail) {
        String errorClass =
            lastRefusal.isPresent() && "refused".equals(fail.errorClass())
                ? lastRefusal.get().errorClass()
                : fail.errorClass();
        return new RunOutcome.Failed(errorClass, fail.message(), fail.infrastructure());
      }
      ToolCall call = ((Planned.Call) next).call();
      if (mission.planner() == PlannerType.DETERMINISTIC
          && memory.path("calls").asInt(0) >= mission.maxSteps()) {
        return new RunOutcome.Failed(
            "max_steps",
            "mission \"" + mission.name() + "\" reached max_steps (" + mission.maxSteps() + ")",
            false);
      }
      Verdict verdict = validator.check(call, mission);
      if (verdict instanceof Verdict.Refused refused) {
        lastRefusal = Optional.of(refused);
        ToolResult result = new ToolResult.Refused(refused.reason());
        transcript.step(call, verdict, result, Duration.ZERO, ctx.dryRun(), spent);
        planner.observe(memory, call, result);
        continue;
      }
      if (verdict instanceof Verdict.NeedsApproval needs
          && !ctx.dryRun()
          && !memory.has(APPROVED_BY)) {
        ApprovalDecider.Decision d =
            approvals.decide(call, mission, ctx, validator.riskOf(call.name()));
        switch (d.kind()) {
          case APPROVED:
            memory.put(APPROVED_BY, d.by().orElse("unknown"));
            transcript.decision(
                "approved", d.by().orElse("unknown"), d.reason(), clock.instant(), false);
            break;
          case DENIED:
            transcript.decision(
                "rejected", d.by().orElse("unknown"), d.reason(), clock.instant(), false);
            return new RunOutcome.Rejected(d.by().orElse("unknown"), d.reason().orElse(""));
          default:
            memory.set("pending_call", call.toJson());
            return new RunOutcome.Blocked(needs.reason());
        }
      }
      memory.remove("pending_call");
      Instant started = clock.instant();
      ToolResult result = execute(call, ctx);
      if (result instanceof ToolResult.Deferred later) {
        // GitHub did not perform it: the planner must not move past it
        transcript.deferral(call, later.notBefore(), later.reason(), clock.instant());
        return new RunOutcome.Deferred(later.notBefore(), later.reason());
      }
      transcript.step(
          call, verdict, result, Duration.between(started, clock.instant()), ctx.dryRun(), spent);
      planner.observe(memory, call, result);
    }
  }

  private ToolResult execute(ToolCall call, RunContext ctx) {
    try {
      return registry.execute(call, ctx.tools());
    } catch (RuntimeException e) {
      // A bug in a tool must fail this run with its class, not the worker.
      return ToolResult.failed(
          "internal",
          call.name()
              + " failed unexpectedly: "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage());
    }
  }
}
