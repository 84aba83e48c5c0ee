/**
 * The fake's routes, one class per area, each answer built from the description's example overlaid
 * with state.
 */
package dev.orchestrator.fakegithub.routes;
