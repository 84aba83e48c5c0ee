/**
 * Slash commands: the pure parser of comment bodies into commands with closed result types, and the
 * permission policy.
 */
package dev.orchestrator.command;
