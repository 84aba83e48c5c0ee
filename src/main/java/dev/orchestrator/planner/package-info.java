/** Planners: the deterministic planner with templating and the LLM planner with its HTTP client. */
package dev.orchestrator.planner;
