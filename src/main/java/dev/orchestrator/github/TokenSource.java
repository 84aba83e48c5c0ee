package dev.orchestrator.github;

import dev.orchestrator.config.Secret;
import java.time.Instant;

/** Where the bearer credential of one lane comes from: the App JWT, an installation, a token. */
interface TokenSource {
  /** The credential to send now, or why there is none. */
  Credential current();

  /**
   * GitHub answered 401 to {@code used}. Returns true when a different credential may now be had,
   * so one retry makes sense.
   */
  boolean rejected(Secret used);

  /** The lane: whose quota the requests use. */
  String lane();

  /** A credential or the reason there is none. */
  sealed interface Credential {
    /** Send {@code Authorization: Bearer <token>}. */
    record Bearer(Secret token) implements Credential {}

    /** None could be had (the mint failed); the request is not sent. */
    record Unavailable(String reason) implements Credential {}

    /** The mint must wait for the App's rate limit; the request is deferred with it. */
    record Later(Instant notBefore, String reason) implements Credential {}
  }

  /** A fixed token ({@code GITHUB_TOKEN}): a 401 cannot be cured by asking again. */
  static TokenSource fixed(Secret token) {
    return new TokenSource() {
      @Override
      public Credential current() {
        return new Credential.Bearer(token);
      }

      @Override
      public boolean rejected(Secret used) {
        return false;
      }

      @Override
      public String lane() {
        return "token";
      }
    };
  }

  /** The App JWT, signed afresh for each request. */
  static TokenSource app(AppAuth auth) {
    return new TokenSource() {
      @Override
      public Credential current() {
        return new Credential.Bearer(auth.jwt());
      }

      @Override
      public boolean rejected(Secret used) {
        return false;
      }

      @Override
      public String lane() {
        return "app";
      }
    };
  }
}
