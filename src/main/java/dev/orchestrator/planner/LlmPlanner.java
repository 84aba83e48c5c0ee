package dev.orchestrator.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.mission.Mission;
import dev.orchestrator.tool.Bodies;
import dev.orchestrator.tool.Mentions;
import dev.orchestrator.tool.ToolCall;
import dev.orchestrator.tool.ToolRegistry;
import dev.orchestrator.tool.ToolResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lets a model choose the tool calls toward a mission's goal. Each call it asks for goes back to
 * the runner, which validates it like a deterministic step (allowed tools, arguments, approvals);
 * each result, or refusal, goes back to the model as a {@code role: "tool"} message with its {@code
 * tool_call_id}. Several calls in one answer are queued and made in order, so the first that needs
 * approval blocks the run with the rest still queued. The run ends at the model's final answer, at
 * {@code max_steps} model calls, or before a call that could cross a budget: each call is made
 * under a reservation of its worst case in the {@link SpendLedger}, settled to its exact cost once
 * answered. The conversation lives in the run's memory ({@link LlmMemory}).
 */
public final class LlmPlanner implements Planner {
  /** The most characters of one tool result handed back to the model. */
  static final int MAX_TOOL_OUTPUT_CHARS = 12_000;

  private final Mission mission;
  private final JsonNode event;
  private final JsonNode args;
  private final RunRef run;
  private final ChatClient client;
  private final ToolRegistry registry;
  private final PriceTable.Price price;
  private final SpendLedger ledger;
  private final BigDecimal dailyBudget;
  private final Clock clock;

  /**
   * @param price the configured model's price
   * @param dailyBudget the installation's budget per day in US dollars
   */
  public LlmPlanner(
      Mission mission,
      JsonNode event,
      JsonNode args,
      RunRef run,
      ChatClient client,
      ToolRegistry registry,
      PriceTable.Price price,
      SpendLedger ledger,
      BigDecimal dailyBudget,
      Clock clock) {
    this.mission = mission;
    this.event = event == null ? JsonNodeFactory.instance.objectNode() : event;
    this.args = args == null ? JsonNodeFactory.instance.objectNode() : args;
    this.run = run;
    this.client = client;
    this.registry = registry;
    this.price = price;
    this.ledger = ledger;
    this.dailyBudget = dailyBudget;
    this.clock = clock;
  }

  @Override
  public Planned next(ObjectNode memory) {
    LlmMemory m = new LlmMemory(memory);
    Optional<JsonNode> failed = m.failed();
    if (failed.isPresent()) {
      JsonNode f = failed.get();
      return new Planned.Fail(
          f.path("class").asText(),
          f.path("message").asText(),
          f.path("infrastructure").asBoolean());
    }
    ArrayNode messages = m.messages();
    if (messages.isEmpty()) {
      messages.addObject().put("role", "system").put("content", Briefing.system(mission));
      messages.addObject().put("role", "user").put("content", Briefing.user(event, args));
    }
    if (!m.queue().isEmpty()) {
      return new Planned.Call(queued(m.queue().get(0), m.calls()));
    }
    if (m.modelCalls() >= mission.maxSteps()) {
      return new Planned.Fail(
          LlmErrors.MAX_STEPS,
          "mission \""
              + mission.name()
              + "\" reached max_steps: the model was called "
              + m.modelCalls()
              + " times without finishing",
          false);
    }
    byte[] body =
        ChatRequest.body(client.config(), messages, ChatRequest.tools(mission, registry))
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    BudgetGuard.Worst worst =
        BudgetGuard.worstCase(body.length, messages.size(), client.config().cap(), price);
    Optional<Planned> stop = overRunBudget(m, worst);
    if (stop.isPresent()) {
      return stop.get();
    }
    Instant now = clock.instant();
    SpendLedger.Reservation reservation =
        ledger.reserve(
            new SpendLedger.Call(
                run.installationId(),
                run.runId(),
                worst.usd(),
                now,
                now.plus(client.config().longestCall().multipliedBy(2))),
            dailyBudget);
    if (reservation instanceof SpendLedger.Reservation.Refused refused) {
      return overDaily(worst, refused.today());
    }
    long held = ((SpendLedger.Reservation.Held) reservation).id();
    ModelReply reply;
    try {
      reply = client.complete(body, registry.names());
    } catch (RuntimeException e) {
      try {
        ledger.release(held, clock.instant()); // nothing answered, nothing reported as spent
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    BigDecimal cost =
        reply.usage().map(u -> price.cost(u.prompt(), u.completion())).orElse(BigDecimal.ZERO);
    reply.usage().ifPresent(u -> m.account(u, cost));
    boolean maybeCharged = reply instanceof ModelReply.Failed f0 && f0.unanswered();
    // A call sent and never answered may have been charged in full, unseen: the daily budget
    // counts it at its worst case. Any other answer without usage is settled at 0.
    ledger.settle(held, maybeCharged ? worst.usd() : cost, clock.instant());
    if (reply instanceof ModelReply.Failed f) {
      String counted =
          maybeCharged
              ? "; counted at its worst case, " + Money.usd(worst.usd()) + ", in the daily budget"
              : "";
      return new Planned.Fail(
          f.errorClass(), "calling the model: " + f.message() + counted, f.infrastructure());
    }
    if (reply instanceof ModelReply.Malformed bad) {
      return new Planned.Fail(
          LlmErrors.MALFORMED, "the model's answer is malformed: " + bad.reason(), false);
    }
    ModelReply.Answer answer = (ModelReply.Answer) reply;
    messages.add(answer.message());
    if (answer.calls().isEmpty()) {
      return new Planned.Finish(summary(answer));
    }
    for (ModelToolCall c : answer.calls()) {
      ObjectNode q = m.queue().addObject();
      q.put("id", c.id());
      q.put("name", c.name());
      // the model's arguments were shaped by untrusted text: no hidden comments or controls
      q.set("arguments", Untrusted.clean(c.arguments()));
    }
    return new Planned.Call(queued(m.queue().get(0), m.calls()));
  }

  /**
   * Stops the run before a call its own budget cannot cover: it pauses for approval of a larger
   * budget, unless the daily budget could not cover the call either, which nobody can approve.
   */
  private Optional<Planned> overRunBudget(LlmMemory m, BudgetGuard.Worst worst) {
    BudgetGuard.Limits step =
        mission
            .budget()
            .map(b -> new BudgetGuard.Limits(b.tokens(), b.usd()))
            .orElseGet(BudgetGuard.Limits::none);
    BudgetGuard.Verdict v =
        BudgetGuard.check(
            m.promptTokens() + m.completionTokens(),
            m.costUsd(),
            worst,
            m.limits(mission.budget()),
            step);
    if (!(v instanceof BudgetGuard.Verdict.OverRun r)) {
      return Optional.empty();
    }
    SpendLedger.Today today = ledger.today(run.installationId(), clock.instant());
    if (!today.fits(worst.usd(), dailyBudget)) {
      return Optional.of(overDaily(worst, today));
    }
    m.raiseOnApproval(r.raised());
    return Optional.of(new Planned.Pause(LlmErrors.BUDGET, r.reason()));
  }

  private Planned overDaily(BudgetGuard.Worst worst, SpendLedger.Today today) {
    return new Planned.Fail(
        LlmErrors.BUDGET,
        BudgetGuard.overDaily(worst, today, dailyBudget, run.installationId()),
        false);
  }

  private static String summary(ModelReply.Answer answer) {
    String text = Untrusted.clean(answer.content().orElse("")).strip();
    if (answer.finishReason().filter("length"::equals).isPresent()) {
      text += "\n\n(The answer was cut at the completion cap, LLM_MAX_TOKENS.)";
    }
    return Bodies.cap(Mentions.neutralise(text));
  }

  private static ToolCall queued(JsonNode q, int index) {
    return new ToolCall(q.path("name").asText(), q.path("arguments"), index);
  }

  @Override
  public void observe(ObjectNode memory, ToolCall call, ToolResult result) {
    LlmMemory m = new LlmMemory(memory);
    ArrayNode queue = m.queue();
    if (queue.isEmpty() || !queue.get(0).path("name").asText().equals(call.name())) {
      throw new IllegalStateException(
          "observed a call of \"" + call.name() + "\" that the model did not ask for next");
    }
    JsonNode asked = queue.remove(0);
    m.called();
    m.messages()
        .addObject()
        .put("role", "tool")
        .put("tool_call_id", asked.path("id").asText())
        .put("content", ToolOutputs.render(call.name(), result, MAX_TOOL_OUTPUT_CHARS));
    if (!result.ok() && result.infrastructure()) {
      m.fail(
          result.failureClass().orElse("internal"),
          call.name() + " failed: " + result.summary(),
          true);
    }
  }

  @Override
  public List<ToolCall> preview(ObjectNode memory) {
    LlmMemory m = new LlmMemory(memory);
    List<ToolCall> out = new ArrayList<>();
    for (int i = 0; i < m.queue().size(); i++) {
      out.add(queued(m.queue().get(i), m.calls() + i));
    }
    return out;
  }

  @Override
  public ModelUsage usage(ObjectNode memory) {
    LlmMemory m = new LlmMemory(memory);
    return new ModelUsage(
        m.modelCalls(),
        m.promptTokens(),
        m.completionTokens(),
        m.costUsd(),
        Optional.of(client.config().model()));
  }

  @Override
  public void approved(ObjectNode memory) {
    new LlmMemory(memory).approve();
  }
}
