package dev.orchestrator.github;

import java.util.Optional;

/** A value read with a GET and the ETag to send as {@code If-None-Match} next time. */
public record Tagged<T>(T value, Optional<String> etag) {}
