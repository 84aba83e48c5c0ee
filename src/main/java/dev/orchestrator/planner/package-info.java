/**
 * Planners: the deterministic planner with templating, and the LLM planner with its HTTP client.
 *
 * <p>The LLM side: {@link dev.orchestrator.planner.LlmPlanner} keeps a run's conversation in its
 * memory and hands each tool call the model asks for back to the runner, which validates it like
 * any step; {@link dev.orchestrator.planner.ChatClient} speaks OpenAI-style chat completions with
 * retries and a breaker of its own; {@link dev.orchestrator.planner.ChatResponses} is the pure
 * parser of answers; {@link dev.orchestrator.planner.Untrusted} cleans and delimits text from
 * GitHub; {@link dev.orchestrator.planner.PriceTable} and {@code BudgetGuard} cost the calls and
 * stop a run before one that could cross a budget.
 */
package dev.orchestrator.planner;
