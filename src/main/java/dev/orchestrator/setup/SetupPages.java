package dev.orchestrator.setup;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The HTML of the setup pages. Every value is escaped; no secret is ever passed in (a {@link
 * Registration} prints its secrets as {@code ***}, and only its public fields are used here).
 */
final class SetupPages {
  private SetupPages() {}

  static Page form(String action, String manifestJson, Optional<String> organization) {
    String owner =
        organization.map(o -> "the organization <b>" + esc(o) + "</b>").orElse("your account");
    return page(
        200,
        "Register the GitHub App",
        "<p>This server has no GitHub credentials yet, so it runs in setup mode: webhooks are"
            + " refused until an App is registered.</p>"
            + "<p>The button sends GitHub the App's manifest (<code>app-manifest.yml</code>, its"
            + " URLs filled from <code>PUBLIC_URL</code>). GitHub asks you to confirm the App's"
            + " name and registers it on "
            + owner
            + ", then sends you back here, where the App's key and secrets are saved to"
            + " <code>agent-app.pem</code> and <code>.env</code>.</p>"
            + "<form id=\"register\" method=\"post\" action=\""
            + esc(action)
            + "\">\n<input type=\"hidden\" name=\"manifest\" value=\""
            + esc(manifestJson)
            + "\">\n<button type=\"submit\">Register the GitHub App on GitHub</button>\n</form>"
            + "<details><summary>The manifest</summary><pre>"
            + esc(manifestJson)
            + "</pre></details>");
  }

  static Page needsPublicUrl() {
    return page(
        200,
        "Set PUBLIC_URL first",
        "<p>This server has no GitHub credentials yet, so it runs in setup mode.</p>"
            + "<p>To register the App, GitHub needs an address where it can reach this server:"
            + " set <code>PUBLIC_URL</code> to the public https URL that forwards to it (a"
            + " reverse proxy or a tunnel such as <code>cloudflared</code> or"
            + " <code>ngrok</code>), for example in <code>.env</code>:</p>"
            + "<pre>PUBLIC_URL=https://agent.example.com</pre>"
            + "<p>Webhooks will go to <code>PUBLIC_URL/api/github/webhooks</code>. Then restart"
            + " <code>bin/agent serve</code> and open this page again. See"
            + " <code>docs/SETUP.md</code>.</p>");
  }

  static Page registered(Registration r, Path key, Path dotEnv, boolean webhookSecretWasSet) {
    String install = r.htmlUrl().replaceAll("/+$", "") + "/installations/new";
    String warning =
        webhookSecretWasSet
            ? "<p><b>Note:</b> WEBHOOK_SECRET was already set. If it is set in the environment"
                + " rather than in <code>.env</code>, unset it there: the environment wins, and"
                + " GitHub now signs with the App's new secret.</p>"
            : "";
    Page page =
        page(
            200,
            "GitHub App registered",
            "<p>GitHub registered the App <a id=\"app\" href=\""
                + esc(r.htmlUrl())
                + "\">"
                + esc(r.slug())
                + "</a> (App id "
                + r.id()
                + ").</p><ul>"
                + "<li>Its private key is in <code>"
                + esc(key.toString())
                + "</code> (mode 600).</li>"
                + "<li><code>APP_ID</code>, <code>PRIVATE_KEY_PATH</code>,"
                + " <code>WEBHOOK_SECRET</code>, <code>GITHUB_CLIENT_ID</code> and"
                + " <code>GITHUB_CLIENT_SECRET</code> are in <code>"
                + esc(dotEnv.toString())
                + "</code> (mode 600; its other lines are kept). Keep both files out of version"
                + " control.</li></ul>"
                + warning
                + "<h2>Next</h2><ol>"
                + "<li>Nothing to do here: <code>bin/agent serve</code> restarts itself now, reads"
                + " <code>.env</code> and runs in App mode (<code>/setup</code> is then gone). Its"
                + " log says <code>mode APP</code>.</li>"
                + "<li><a id=\"install\" href=\""
                + esc(install)
                + "\">Install the App</a> on the repositories it should serve, and opt each one in"
                + " with <code>.github/agent.yml</code>.</li></ol>");
    return new Page(page.status(), page.html(), true);
  }

  static Page alreadyRegistered(Registration r) {
    return page(
        409,
        "Already registered",
        "<p>This server already registered the App <a href=\""
            + esc(r.htmlUrl())
            + "\">"
            + esc(r.slug())
            + "</a>. Restart <code>bin/agent serve</code> to run in App mode.</p>");
  }

  static Page notSaved(Registration r, String why) {
    return page(
        500,
        "App registered, credentials not saved",
        "<p>GitHub registered the App <a href=\""
            + esc(r.htmlUrl())
            + "\">"
            + esc(r.slug())
            + "</a> (App id "
            + r.id()
            + "), but saving its credentials failed: "
            + esc(why)
            + ".</p><p>On the App's page, generate a new private key and a new webhook secret, and"
            + " set <code>APP_ID</code>, <code>PRIVATE_KEY_PATH</code> and"
            + " <code>WEBHOOK_SECRET</code> by hand; or delete the App and start again.</p>");
  }

  static Page problem(int status, String message) {
    return page(status, "Setup", "<p id=\"problem\">" + esc(message) + "</p>");
  }

  private static Page page(int status, String title, String body) {
    return new Page(
        status,
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>"
            + esc(title)
            + " · Agent Orchestrator</title></head>\n<body><h1>"
            + esc(title)
            + "</h1>\n"
            + body
            + "\n</body></html>\n");
  }

  /** Escapes text for HTML content and double-quoted attributes. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
