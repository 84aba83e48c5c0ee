package dev.orchestrator.setup;

import dev.orchestrator.config.Secret;

/**
 * What GitHub's manifest conversion returns that this server keeps: the new App's identity and its
 * credentials. The secrets are {@link Secret}s, so printing a registration shows {@code ***}.
 *
 * @param htmlUrl the App's page on GitHub; its installations are made at {@code htmlUrl +
 *     "/installations/new"}
 */
public record Registration(
    long id,
    String slug,
    String htmlUrl,
    String clientId,
    Secret clientSecret,
    Secret webhookSecret,
    Secret pem) {}
