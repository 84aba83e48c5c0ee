/**
 * Health: the pure calculator of health levels, averages, cost totals and recommendations from run
 * statistics.
 */
package dev.orchestrator.health;
