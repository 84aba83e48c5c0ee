/**
 * GitHub: the GitHubGateway port, the kohsuke adapter, our HTTP transport, App authentication and
 * the rate-limit governor. The only package that imports kohsuke, jjwt and (with planner)
 * resilience4j.
 */
package dev.orchestrator.github;
