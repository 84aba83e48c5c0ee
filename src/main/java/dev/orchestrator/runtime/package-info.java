/**
 * Runtime: runs a mission step by step through the safety validator, records transcripts, owns run
 * statuses and their transition table, approvals and the mission circuit breaker. Defines the store
 * ports it needs.
 */
package dev.orchestrator.runtime;
