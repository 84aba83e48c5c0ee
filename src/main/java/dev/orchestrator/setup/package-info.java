/**
 * Registering the GitHub App from {@code app-manifest.yml} in setup mode: the manifest rendered for
 * a {@code PUBLIC_URL}, the one-time {@code state} values of the flow, the code's conversion into
 * credentials, and writing them to {@code agent-app.pem} and {@code .env}. Pure pieces plus two
 * file writers; the HTTP routes live in {@code server}.
 */
package dev.orchestrator.setup;
