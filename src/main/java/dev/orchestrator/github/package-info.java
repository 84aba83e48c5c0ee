/**
 * GitHub: the {@link dev.orchestrator.github.GitHubGateway} port and everything under it. The only
 * package that imports kohsuke, jjwt and (with planner) resilience4j.
 *
 * <p>Layers, bottom up: {@code HttpTransport} (java.net.http, timeouts, standard headers, GET
 * retries as "not before" instants, unknown-outcome writes, rate-limit headers per lane); {@code
 * AuthorizedClient} (one lane's credentials: App JWT, an installation's token or {@code
 * GITHUB_TOKEN}; a 401 refreshes once and retries once); {@code KohsukeConnector} (kohsuke's HTTP
 * through the same client, never throwing the socket exceptions kohsuke would re-send on); the
 * gateway ({@code IssueCalls}, {@code RepositoryCalls}, {@code AppCalls}); {@link
 * dev.orchestrator.github.GitHubAccess} builds it all from settings.
 */
package dev.orchestrator.github;
