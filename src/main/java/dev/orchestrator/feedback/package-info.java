/**
 * Feedback on GitHub for runs: the reaction lifecycle on the triggering comment, one status comment
 * per run edited in place (found again by its marker after a crash), superseded status comments cut
 * to one line, and check runs for runs on pull requests. Best effort throughout: a failed reaction
 * or edit is logged and never fails the run.
 */
package dev.orchestrator.feedback;
