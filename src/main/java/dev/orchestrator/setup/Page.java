package dev.orchestrator.setup;

/** An HTML page and its status, as the setup routes answer it. */
public record Page(int status, String html) {}
