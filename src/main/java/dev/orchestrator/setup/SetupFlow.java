package dev.orchestrator.setup;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manifest flow of setup mode: {@link #start()} renders the page whose button posts the
 * manifest to GitHub with a fresh {@code state}; {@link #callback} checks that state, exchanges the
 * code, writes the key and {@code .env}, and says what to do next. One registration per process:
 * after it, the flow only repeats that the server must be restarted.
 */
public final class SetupFlow {
  private static final Logger LOG = LoggerFactory.getLogger(SetupFlow.class);

  /** The key file, beside {@code .env}. */
  public static final String KEY_FILE = "agent-app.pem";

  /** What the flow works with. */
  public record Config(
      Optional<URI> publicUrl,
      URI webUrl,
      Optional<String> organization,
      Path manifestFile,
      Path dotEnv,
      boolean webhookSecretWasSet) {}

  private final Config config;
  private final SetupStates states;
  private final Conversion conversion;
  private final Clock clock;
  private final AtomicReference<Registration> done = new AtomicReference<>();

  public SetupFlow(Config config, Conversion conversion, Clock clock) {
    this.config = config;
    this.states = new SetupStates(clock);
    this.conversion = conversion;
    this.clock = clock;
  }

  /** The page of {@code GET /setup}. */
  public Page start() {
    if (done.get() != null) {
      return SetupPages.alreadyRegistered(done.get());
    }
    if (config.publicUrl().isEmpty()) {
      return SetupPages.needsPublicUrl();
    }
    String yaml = PrivateFiles.readIfExists(config.manifestFile());
    if (yaml.isEmpty()) {
      return SetupPages.problem(
          500, "the manifest \"" + config.manifestFile() + "\" is missing or empty");
    }
    Manifest.Rendered rendered =
        Manifest.render(yaml, config.manifestFile().toString(), config.publicUrl().get());
    if (rendered instanceof Manifest.Rendered.Invalid invalid) {
      return SetupPages.problem(500, invalid.message());
    }
    String state = states.issue();
    String action =
        registrationUrl() + "?state=" + URLEncoder.encode(state, StandardCharsets.UTF_8);
    return SetupPages.form(
        action, ((Manifest.Rendered.Ok) rendered).json().toString(), config.organization());
  }

  /** Where GitHub registers an App: the user's settings, or the organization's with GH_ORG. */
  String registrationUrl() {
    String web = config.webUrl().toString().replaceAll("/+$", "");
    return config
        .organization()
        .map(org -> web + "/organizations/" + org + "/settings/apps/new")
        .orElse(web + "/settings/apps/new");
  }

  /** The page of {@code GET /setup/callback?code=…&state=…}. */
  public synchronized Page callback(String code, String state) {
    SetupStates.Check check = states.redeem(state);
    if (check != SetupStates.Check.ACCEPTED) {
      LOG.warn("setup callback refused: {}", check.reason());
      return SetupPages.problem(400, "refused: " + check.reason() + ". Start again at /setup.");
    }
    if (code == null || code.isBlank()) {
      return SetupPages.problem(
          400, "refused: the callback carries no code. Start again at /setup.");
    }
    if (done.get() != null) {
      return SetupPages.alreadyRegistered(done.get());
    }
    Conversion.Result result = conversion.convert(code);
    if (result instanceof Conversion.Result.Failed failed) {
      LOG.warn("setup: exchanging the manifest code failed: {}", failed.message());
      return SetupPages.problem(502, "GitHub did not convert the code: " + failed.message());
    }
    Registration r = ((Conversion.Result.Converted) result).registration();
    Path key = config.dotEnv().resolveSibling(KEY_FILE);
    try {
      PrivateFiles.write(key, r.pem().reveal());
      PrivateFiles.write(
          config.dotEnv(),
          DotEnvMerge.merge(
              PrivateFiles.readIfExists(config.dotEnv()),
              variables(r, key),
              "GitHub App \"" + r.slug() + "\", registered by agent setup at " + clock.instant()));
    } catch (UncheckedIOException e) {
      LOG.error(
          "setup: App {} registered but its credentials were not saved: {}",
          r.id(),
          e.getMessage());
      return SetupPages.notSaved(r, e.getMessage());
    }
    done.set(r);
    LOG.info(
        "setup: registered App \"{}\" (id {}); wrote \"{}\" and \"{}\"; restart to run in App mode",
        r.slug(),
        r.id(),
        key,
        config.dotEnv());
    return SetupPages.registered(r, key, config.dotEnv(), config.webhookSecretWasSet());
  }

  /** The variables written to {@code .env}, in this order. */
  static Map<String, String> variables(Registration r, Path key) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("APP_ID", Long.toString(r.id()));
    v.put("PRIVATE_KEY_PATH", key.toString());
    v.put("WEBHOOK_SECRET", r.webhookSecret().reveal());
    v.put("GITHUB_CLIENT_ID", r.clientId());
    v.put("GITHUB_CLIENT_SECRET", r.clientSecret().reveal());
    return v;
  }
}
