/**
 * FakeGitHub: the GitHub every test talks to (DESIGN.md, "Tests").
 *
 * <p><b>Start it</b> with {@link dev.orchestrator.fakegithub.FakeGitHub#start()} or {@code
 * FakeGitHub.builder().clock(mutableClock).start()}; point the product at {@code apiUrl()} (GHES
 * style, {@code /api/v3}) or {@code rootUrl()}; give it {@code appId()} and {@code
 * keys().pkcs1Pem()} (or {@code pkcs8Pem()}). Call {@code assertNoUnknownRoutes()} in
 * {@code @AfterEach}.
 *
 * <p><b>Seed</b> through {@code repo(owner, name)}: {@code add(IssueSeed…)}, {@code comment},
 * {@code react}, {@code role}, {@code customRole}, {@code file}; deliveries through {@code
 * deliveries().record(…)} (with the payload, for a redelivery to send). <b>Redeliveries</b> are
 * listed as successes and sent nowhere until {@code webhookTarget(url, secret)} names the app's
 * webhook URL; then {@link dev.orchestrator.fakegithub.WebhookSender} posts the payload there,
 * signed with GitHub's headers, and the log lists what the receiver answered ({@code
 * webhookTargetAway()} holds them while a server restarts). <b>Inspect</b> the same stores ({@code
 * repo.issues().get(n)}, {@code comments(owner, repo, n)}, {@code repo.checkRuns().all()}) and the
 * request log ({@code requests(method, path)}). <b>Break it</b> with {@code faults().on(method,
 * pattern).once(…)}.
 *
 * <p>Layout: {@code openapi} (the vendored REST description, request validation), {@code http}
 * (server, pipeline, rate limits, ETags, request log), {@code auth} (test keys, JWT check, tokens),
 * {@code faults}, {@code state} (what GitHub knows), {@code routes} (one class per area, each
 * answer built from the description's example overlaid with state).
 *
 * <p><b>Adding an endpoint</b>: add it to the list in {@code scripts/extract-github-openapi.mjs},
 * run it ({@code npm install --no-save @octokit/openapi} first), commit the new {@code
 * src/test/resources/github/openapi-subset.json}, then add the route; the start-up check refuses a
 * route the description lacks.
 */
package dev.orchestrator.fakegithub;
