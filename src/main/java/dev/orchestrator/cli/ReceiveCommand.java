package dev.orchestrator.cli;

import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.config.Durations;
import dev.orchestrator.config.Secret;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent receive}: sends a payload to the running server as GitHub would. */
@Command(
    name = "receive",
    mixinStandardHelpOptions = true,
    description =
        "Signs a payload with WEBHOOK_SECRET and POSTs it to the running server as GitHub"
            + " would; prints the delivery id and the answer. With --wait, reads the database"
            + " (DATABASE_URL) until the delivery is dispatched and prints its outcome and the"
            + " runs it started.",
    footer = {
      "",
      "Exit codes:",
      "  0  the server answered 2xx (and, with --wait, the delivery was dispatched)",
      "  1  any other answer, no answer, no WEBHOOK_SECRET, or --wait timed out",
      "  2  bad usage"
    })
final class ReceiveCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Option(names = "--event", required = true, paramLabel = "NAME", description = "X-GitHub-Event.")
  String event;

  @Option(
      names = "--payload",
      required = true,
      paramLabel = "FILE",
      description = "The JSON payload, sent byte for byte.")
  Path payload;

  @Option(names = "--wait", description = "Wait until the delivery is dispatched.")
  boolean await;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "Where to post (default: http://127.0.0.1:$PORT/api/github/webhooks).")
  String url;

  @Option(
      names = "--delivery-id",
      paramLabel = "ID",
      description = "X-GitHub-Delivery (default: a new random UUID).")
  String deliveryId;

  @Option(
      names = "--timeout",
      defaultValue = "30s",
      paramLabel = "DURATION",
      description = "How long --wait waits, e.g. 30s or 2m (default: ${DEFAULT-VALUE}).")
  String timeout;

  ReceiveCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    String eventName = header("--event", event);
    String id =
        deliveryId == null ? UUID.randomUUID().toString() : header("--delivery-id", deliveryId);
    Duration wait =
        Durations.parse(timeout)
            .filter(d -> !d.isZero())
            .orElseThrow(
                () ->
                    Options.usage(
                        spec,
                        "--timeout: expected a duration such as 30s or 2m; found \""
                            + timeout
                            + "\""));
    byte[] body = readPayload();
    URI explicit = url == null ? null : parseUrl(url);
    PrintWriter out = spec.commandLine().getOut();
    try (App app = factory.open()) {
      Secret secret =
          app.settings()
              .github()
              .webhookSecret()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "WEBHOOK_SECRET is not set: receive signs the payload with the server's"
                              + " webhook secret; set WEBHOOK_SECRET to the value the server has"));
      URI target =
          explicit != null
              ? explicit
              : URI.create(
                  "http://127.0.0.1:" + app.settings().server().port() + "/api/github/webhooks");
      out.println("delivery " + id);
      out.flush();
      WebhookPost.Answer answer = WebhookPost.send(target, eventName, id, body, secret);
      out.println("HTTP " + answer.status() + ": " + answer.message());
      out.flush();
      if (!answer.ok()) {
        return ExitCodes.FAILED;
      }
      return await ? new DispatchWait(app, out).await(id, wait) : ExitCodes.OK;
    }
  }

  private String header(String option, String value) {
    String v = value.strip();
    if (v.isEmpty() || v.length() > 100 || v.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      throw Options.usage(
          spec,
          option
              + ": expected 1 to 100 printable characters without spaces; found \""
              + value
              + "\"");
    }
    return v;
  }

  private byte[] readPayload() {
    try {
      return Files.readAllBytes(payload);
    } catch (NoSuchFileException e) {
      throw Options.usage(spec, "--payload: no such file \"" + payload + "\"");
    } catch (IOException e) {
      throw Options.usage(spec, "--payload: cannot read \"" + payload + "\": " + e.getMessage());
    }
  }

  private URI parseUrl(String url) {
    try {
      URI u = new URI(url.strip());
      if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
        return u;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw Options.usage(spec, "--url: expected an http(s) URL; found \"" + url + "\"");
  }
}
