/**
 * Fault injection: what a misbehaving GitHub does, and for which requests (count or clock window).
 */
package dev.orchestrator.fakegithub.faults;
