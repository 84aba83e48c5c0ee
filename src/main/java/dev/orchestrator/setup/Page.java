package dev.orchestrator.setup;

/**
 * An HTML page and its status, as the setup routes answer it.
 *
 * @param registered this answer completed the registration: once it is sent, the server restarts
 *     with the credentials it wrote
 */
public record Page(int status, String html, boolean registered) {
  public Page(int status, String html) {
    this(status, html, false);
  }
}
