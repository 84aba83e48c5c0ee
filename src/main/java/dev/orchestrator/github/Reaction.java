package dev.orchestrator.github;

/** A reaction on a comment: {@code content} is GitHub's name ({@code +1}, {@code eyes}, …). */
public record Reaction(long id, String content, String user) {}
