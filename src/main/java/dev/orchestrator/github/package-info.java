/**
 * GitHub: the {@link dev.orchestrator.github.GitHubGateway} port and everything under it, and the
 * tools' {@link dev.orchestrator.github.GitHubRepositoryPort}. The only package that imports
 * kohsuke, jjwt and (with planner) resilience4j.
 *
 * <p>Layers, bottom up: {@code Attempts} (java.net.http, timeouts, standard headers, GET retries
 * with jittered backoff, unknown-outcome writes, the lane's breaker); {@code HttpTransport} (the
 * lane's turn, the {@code Governor}, re-sends after rate limits, the {@code EtagCache}); {@code
 * AuthorizedClient} (one lane's credentials and priority: App JWT, an installation's token or
 * {@code GITHUB_TOKEN}; a 401 refreshes once and retries once); {@code KohsukeConnector} (kohsuke's
 * HTTP through the same client, never throwing the socket exceptions kohsuke would re-send on); the
 * gateway ({@code IssueCalls}, {@code RepositoryCalls}, {@code AppCalls}); {@link
 * dev.orchestrator.github.GitHubAccess} builds it all from settings. Issue, pull-request, comment,
 * search and contents calls are direct, because the tools hand GitHub's own JSON on to later steps;
 * kohsuke serves the repository and the App's own objects.
 *
 * <p><b>Lanes.</b> Every request belongs to a lane: {@code app} (the App JWT), {@code
 * installation:<id>}, or {@code token}. A lane is GitHub's unit of quota, so it is ours of
 * everything else: rate-limit state ({@link dev.orchestrator.github.RateLimits}, per lane and
 * {@code x-ratelimit-resource}), waits, pacing and the breaker. Lanes share nothing, so one
 * installation's waits and failures never hold up another's. Requests of one lane go one at a time.
 *
 * <p><b>The governor</b> ({@link dev.orchestrator.github.GovernorConfig}, named defaults) sends a
 * request only once the latest of these has passed: a secondary limit on the lane ({@code
 * retry-after}, or at least 60 s doubling while they repeat); its resource's primary limit being
 * spent (until {@code x-ratelimit-reset}); the reserve — below 10 % of the limit only {@link
 * dev.orchestrator.github.Priority#INTERACTIVE} requests go; and for writes, pacing (1 s apart, 80
 * a minute, 500 an hour). A 403 or 429 that is a rate limit was not performed by GitHub, so it is
 * re-sent, writes included. Nothing polls {@code /rate_limit}; headers absent mean unknown.
 *
 * <p><b>No sleeping workers.</b> Every wait is a "not before" instant from the injected clock. A
 * wait up to {@code maxInlineWait} (5 s: pacing, a short {@code retry-after}, GET backoff) is sat
 * out through the injected {@link dev.orchestrator.github.Waiter}; a longer one returns at once as
 * {@link dev.orchestrator.github.GitHubResult.Deferred} with its instant ({@code retryAt()}), and
 * nothing was sent. We chose a value over a thrown exception because expected outcomes are values
 * here, and because a deferral must cross the tool port: the runtime puts the run back in the queue
 * with that instant and the worker takes other work. Re-running the step is safe since GitHub did
 * not act. kohsuke calls surface the same deferral through {@code KohsukeConnector}.
 *
 * <p><b>Conditional requests.</b> GETs marked {@link
 * dev.orchestrator.github.GitHubRequest#cached()} (approval reactions, repository files) keep their
 * answer and ETag in the transport; the next one sends {@code If-None-Match} and GitHub's 304,
 * which costs no quota, is answered from the cache.
 *
 * <p><b>Breakers.</b> Each lane has a resilience4j circuit breaker over its attempts: 5xx, timeouts
 * and connection errors are failures, any other answer is a success. Open, it fails the lane's
 * calls at once as infrastructure failures ({@link
 * dev.orchestrator.github.FailureKind#BREAKER_OPEN}) until one call is let through again.
 */
package dev.orchestrator.github;
