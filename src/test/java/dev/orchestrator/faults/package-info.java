/**
 * Faults end to end: the real server in App mode against a FakeGitHub that misbehaves (5xx, lost
 * connections, rate limits) or over a database that refuses writes; each test checks that nothing
 * is lost, nothing is done twice and the server recovers on its own when the fault ends.
 */
package dev.orchestrator.faults;
