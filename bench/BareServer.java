import dev.orchestrator.config.Secret;
import dev.orchestrator.webhook.SignatureVerifier;
import io.javalin.Javalin;
import java.util.List;

/**
 * The intake's ceiling for bench/intake.sh: a bare Javalin handler that only verifies
 * X-Hub-Signature-256 over the raw body (with the product's own verifier) and answers 202. It
 * stores nothing, parses nothing and logs nothing, so the distance between it and the real server
 * is what durability, parsing and bookkeeping cost.
 *
 * <p>Usage: {@code java -cp target/agent.jar:<classes> BareServer <host> <port> } with {@code
 * WEBHOOK_SECRET} in the environment. Prints {@code listening on <host>:<port>} once started.
 */
public final class BareServer {
  private BareServer() {}

  public static void main(String[] args) {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    String secret = System.getenv("WEBHOOK_SECRET");
    if (secret == null || secret.isEmpty()) {
      System.err.println("bare: set WEBHOOK_SECRET");
      System.exit(2);
    }
    List<Secret> secrets = List.of(Secret.of(secret));
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.host = host;
              config.jetty.port = port;
              config.routes.post(
                  "/api/github/webhooks",
                  ctx -> {
                    SignatureVerifier.Verdict v =
                        SignatureVerifier.verify(
                            ctx.bodyAsBytes(), ctx.header("X-Hub-Signature-256"), secrets);
                    if (v == SignatureVerifier.Verdict.VALID) {
                      ctx.status(202).contentType("application/json").result("{\"message\":\"accepted\"}");
                    } else {
                      ctx.status(401).contentType("application/json").result("{\"message\":\"bad signature\"}");
                    }
                  });
            });
    app.start();
    System.out.println("listening on " + host + ":" + app.port());
    System.out.flush();
  }
}
