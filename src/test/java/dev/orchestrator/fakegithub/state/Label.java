package dev.orchestrator.fakegithub.state;

/**
 * A repository label.
 *
 * @param id label id
 * @param name its name
 * @param color six hex digits
 * @param description may be null
 */
public record Label(long id, String name, String color, String description) {}
