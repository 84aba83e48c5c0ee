/**
 * Reports: renders comments, check-run output and health summaries as markdown within GitHub's size
 * limits.
 */
package dev.orchestrator.report;
