package dev.orchestrator.doctor;

import dev.orchestrator.config.Settings;
import dev.orchestrator.github.AppIdentity;
import dev.orchestrator.github.GitHubAccess;
import dev.orchestrator.github.GitHubResult;
import dev.orchestrator.github.Installation;
import dev.orchestrator.github.RateLimits;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * GitHub, when it can be reached: in App mode {@code GET /app} (the JWT is accepted), the
 * installations, and one {@code GET /rate_limit} with the first installation's token; in token mode
 * one {@code GET /rate_limit} with the token. No answer at all (connection refused, timeout) is a
 * warning, not a failure: {@code serve} starts and accepts webhooks without GitHub, and retries.
 */
final class GitHubCheck {
  /** Below this share of a resource's budget left, the rate limit is a warning. */
  static final double LOW_BUDGET = 0.10;

  private static final int NAMES_SHOWN = 5;

  private final Settings.GitHub settings;
  private final GitHubAccess access;
  private final List<Finding> out = new ArrayList<>();

  private GitHubCheck(Settings.GitHub settings, GitHubAccess access) {
    this.settings = settings;
    this.access = access;
  }

  static List<Finding> run(Settings.GitHub settings, GitHubAccess access) {
    GitHubCheck check = new GitHubCheck(settings, access);
    if (access.mode() == Settings.Mode.APP) {
      check.app();
    } else {
      check.token();
    }
    return check.out;
  }

  private void app() {
    GitHubResult<AppIdentity> identity = access.gateway().appIdentity();
    if (!identity.isOk()) {
      out.add(failure("github app", identity, "check that APP_ID matches the private key"));
      return;
    }
    AppIdentity app = identity.orElseThrow();
    out.add(
        Finding.ok(
            "github app",
            "authenticated as \""
                + app.slug()
                + "\" (id "
                + app.id()
                + ") at "
                + settings.apiUrl()));
    GitHubResult<List<Installation>> listed = access.gateway().listInstallations();
    if (!listed.isOk()) {
      out.add(failure("github installations", listed, "check the App's settings"));
      return;
    }
    List<Installation> installations = listed.orElseThrow();
    if (installations.isEmpty()) {
      out.add(
          Finding.warn(
              "github installations",
              "none, so no webhook will arrive and the rate limit was not checked: install the"
                  + " App on an account or repository (App settings, Install App)"));
      return;
    }
    out.add(Finding.ok("github installations", names(installations)));
    rateLimit("github rate limit", OptionalLong.of(installations.get(0).id()));
  }

  private void token() {
    rateLimit("github token", OptionalLong.empty());
  }

  private void rateLimit(String check, OptionalLong installation) {
    GitHubResult<List<RateLimits.Snapshot>> result = access.rateLimitStatus(installation);
    if (!result.isOk()) {
      out.add(
          failure(
              check,
              result,
              installation.isPresent()
                  ? "check the App's permissions on installation " + installation.getAsLong()
                  : "create a new GITHUB_TOKEN"));
      return;
    }
    List<RateLimits.Snapshot> resources = result.orElseThrow();
    List<String> parts = new ArrayList<>();
    List<String> low = new ArrayList<>();
    for (RateLimits.Snapshot s : resources) {
      if (!s.resource().equals("core") && !s.resource().equals("search")) {
        continue;
      }
      parts.add(s.resource() + " " + s.remaining() + "/" + s.limit() + " left");
      if (s.limit() > 0 && s.remaining() < s.limit() * LOW_BUDGET) {
        low.add(s.resource() + " until " + s.resetAt().truncatedTo(ChronoUnit.SECONDS));
      }
    }
    String who = installation.isPresent() ? " (installation " + installation.getAsLong() + ")" : "";
    String summary = (check.equals("github token") ? "accepted; " : "") + String.join(", ", parts);
    if (!low.isEmpty()) {
      out.add(
          Finding.warn(
              check,
              summary
                  + who
                  + ": under "
                  + Math.round(LOW_BUDGET * 100)
                  + "% left, GitHub calls wait for the reset ("
                  + String.join(", ", low)
                  + "); see the runbook on rate limits"));
      return;
    }
    out.add(Finding.ok(check, summary + who));
  }

  /**
   * No answer at all or a 5xx is GitHub (or the network) and a warning; any other answer is a
   * refusal of our credentials or request, and a failure.
   */
  private Finding failure(String check, GitHubResult<?> result, String remedy) {
    if (result instanceof GitHubResult.Failed<?> f && f.status() == 0 && f.infrastructure()) {
      return Finding.warn(
          "github",
          "cannot reach "
              + settings.apiUrl()
              + " ("
              + result.describe()
              + "); `agent serve` still starts and retries; check the network, a proxy or"
              + " GITHUB_API_URL");
    }
    if (result instanceof GitHubResult.Failed<?> f && f.status() >= 500) {
      return Finding.warn(check, result.describe() + "; GitHub is having trouble, try later");
    }
    if (result instanceof GitHubResult.Failed<?> f && f.status() == 401) {
      String what =
          access.mode() == Settings.Mode.APP
              ? "GitHub refused the App's credentials: check APP_ID, the private key and this"
                  + " machine's clock"
              : "GitHub refused GITHUB_TOKEN: it is wrong, expired or revoked";
      return Finding.fail(check, result.describe() + "; " + what);
    }
    return Finding.fail(check, result.describe() + "; " + remedy);
  }

  private static String names(List<Installation> installations) {
    String shown =
        installations.stream()
            .limit(NAMES_SHOWN)
            .map(i -> i.account() + " (" + i.id() + ")")
            .collect(Collectors.joining(", "));
    int more = installations.size() - NAMES_SHOWN;
    return installations.size() + ": " + shown + (more > 0 ? " and " + more + " more" : "");
  }
}
