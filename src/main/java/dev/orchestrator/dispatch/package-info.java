/**
 * Dispatch: turns stored deliveries into work. Comment commands are parsed, checked against who is
 * asking, and answered or queued as runs; events start the missions the repository opted into;
 * pushes to a repository's configuration invalidate its cache. Talks to GitHub through {@code
 * github.GitHubGateway} only.
 */
package dev.orchestrator.dispatch;
