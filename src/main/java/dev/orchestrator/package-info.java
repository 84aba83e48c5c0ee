/** Agent Orchestrator: the composition root ({@link dev.orchestrator.App}) and the entry point. */
package dev.orchestrator;
