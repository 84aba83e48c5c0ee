package dev.orchestrator.github;

/** An installation of the App on an account ({@code targetType} is Organization or User). */
public record Installation(long id, String account, String targetType) {}
