package dev.orchestrator.fakegithub.http;

/** What credentials a route takes. */
public enum Auth {
  /** The app's JWT ({@code Authorization: Bearer <jwt>}). */
  APP,
  /** An installation token or a personal access token ({@code token …} or {@code Bearer …}). */
  TOKEN,
  /** Any of the above, or none ({@code /rate_limit}). */
  ANY,
  /** No credentials: the request carries its own proof (a manifest code). */
  NONE
}
