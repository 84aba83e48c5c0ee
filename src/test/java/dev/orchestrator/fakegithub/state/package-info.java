/**
 * What the fake GitHub knows: the app, installations, repositories with issues, pull requests,
 * comments, reactions, labels, check runs, files and permissions, and webhook deliveries.
 */
package dev.orchestrator.fakegithub.state;
