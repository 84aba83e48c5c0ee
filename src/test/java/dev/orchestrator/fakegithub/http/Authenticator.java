package dev.orchestrator.fakegithub.http;

import dev.orchestrator.fakegithub.auth.Caller;
import dev.orchestrator.fakegithub.auth.JwtVerifier;
import dev.orchestrator.fakegithub.auth.Tokens;
import dev.orchestrator.fakegithub.auth.Tokens.InstallationToken;
import dev.orchestrator.fakegithub.state.Installation;
import dev.orchestrator.fakegithub.state.World;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Decides who a request comes from, or refuses it with GitHub's 401 or 404. */
final class Authenticator {
  private final World world;
  private final Tokens tokens;
  private final JwtVerifier jwt;

  Authenticator(World world, Tokens tokens, JwtVerifier jwt) {
    this.world = world;
    this.tokens = tokens;
    this.jwt = jwt;
  }

  /**
   * Who is calling, or why not.
   *
   * @param caller the caller (anonymous when refused)
   * @param refusal the error reply, or null when accepted
   */
  record Outcome(Caller caller, Reply refusal) {}

  Outcome authenticate(Auth auth, Incoming in, String docs, Map<String, String> params) {
    Caller anonymous = new Caller.Anonymous(in.ip());
    Optional<String[]> credentials = in.header("authorization").map(Authenticator::split);
    if (auth == Auth.NONE || (auth == Auth.ANY && credentials.isEmpty())) {
      return new Outcome(anonymous, null);
    }
    if (credentials.isEmpty()) {
      return new Outcome(anonymous, Errors.requiresAuthentication(docs));
    }
    String scheme = credentials.get()[0];
    String value = credentials.get()[1];
    if (auth == Auth.APP || (auth == Auth.ANY && looksLikeJwt(value))) {
      if (!scheme.equals("bearer")) {
        return new Outcome(
            anonymous, Errors.error(401, "A JSON web token could not be decoded", null));
      }
      Optional<String> problem = jwt.problem(value);
      return problem
          .map(p -> new Outcome(anonymous, Errors.error(401, p, Errors.REST_DOCS)))
          .orElseGet(() -> new Outcome(new Caller.App(world.app().id()), null));
    }
    if (!scheme.equals("token") && !scheme.equals("bearer")) {
      return new Outcome(anonymous, Errors.badCredentials());
    }
    Optional<Caller> caller = tokenCaller(value);
    if (caller.isEmpty()) {
      return new Outcome(anonymous, Errors.badCredentials());
    }
    if (params.containsKey("owner")
        && params.containsKey("repo")
        && !caller.get().mayAccess(params.get("owner"), params.get("repo"))) {
      return new Outcome(caller.get(), Errors.notFound(docs));
    }
    return new Outcome(caller.get(), null);
  }

  private Optional<Caller> tokenCaller(String value) {
    Optional<InstallationToken> token = tokens.installationToken(value);
    if (token.isPresent()) {
      if (tokens.expired(token.get())) {
        return Optional.empty();
      }
      Optional<Installation> installation = world.installation(token.get().installationId());
      return installation.map(Caller.InstallationCaller::new);
    }
    return tokens
        .personalLogin(value)
        .map(login -> new Caller.PersonalCaller(world.actors().user(login)));
  }

  private static boolean looksLikeJwt(String value) {
    return value.chars().filter(c -> c == '.').count() == 2;
  }

  /** {@code [scheme lower-case, credential]}; a bare value counts as scheme {@code token}. */
  private static String[] split(String header) {
    String trimmed = header.trim();
    int space = trimmed.indexOf(' ');
    if (space < 0) {
      return new String[] {"", trimmed};
    }
    return new String[] {
      trimmed.substring(0, space).toLowerCase(Locale.ROOT), trimmed.substring(space + 1).trim()
    };
  }
}
