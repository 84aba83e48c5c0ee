package dev.orchestrator.server;

import dev.orchestrator.setup.Page;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /setup} and its callback, registered in setup mode only (so in normal mode both are 404).
 *
 * <p>{@code GET /setup} hands out a state with which a callback can write this server's
 * credentials, so it answers only requests from loopback that no proxy forwarded (a tunnel on the
 * same host connects from loopback, but says whom it forwards), unless {@code SETUP_ALLOW_REMOTE}.
 * The callback is GitHub sending the same browser back to {@code PUBLIC_URL}, usually through that
 * proxy, so it is not held to loopback: the one-time state, which only a visitor of {@code /setup}
 * received, is what authorizes it.
 */
final class SetupRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(SetupRoutes.class);

  static final String PAGE = "/setup";
  static final String CALLBACK = "/setup/callback";

  /** Headers a proxy adds to say whom it forwards. */
  private static final List<String> FORWARDING =
      List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP");

  private SetupRoutes() {}

  static void register(JavalinConfig config, WebServer.Setup setup) {
    config.routes.get(PAGE, ctx -> page(ctx, setup));
    config.routes.get(
        CALLBACK,
        ctx -> {
          // Caches and the Referer header must not keep the one-time code and state.
          ctx.header("Referrer-Policy", "no-referrer");
          Page page = setup.flow().callback(ctx.queryParam("code"), ctx.queryParam("state"));
          if (!page.registered()) {
            send(ctx, page);
            return;
          }
          // The server restarts once this is sent, so it is sent and flushed here, in full,
          // rather than left for Javalin to write after the handler.
          byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
          ctx.header("Cache-Control", "no-store");
          ctx.status(page.status()).contentType("text/html; charset=utf-8");
          ctx.res().setContentLength(body.length);
          try {
            ctx.res().getOutputStream().write(body);
            ctx.res().flushBuffer();
          } finally {
            // the credentials are written: restart even if the browser went away
            setup.onRegistered().run();
          }
        });
  }

  private static void page(Context ctx, WebServer.Setup setup) {
    if (!setup.allowRemote() && !isLocal(ctx)) {
      LOG.warn(
          "refused GET {} from {}: not loopback, or forwarded by a proxy",
          PAGE,
          ctx.req().getRemoteAddr());
      ctx.status(403)
          .contentType("text/plain; charset=utf-8")
          .result(
              "/setup answers only on this machine (http://127.0.0.1:PORT/setup);"
                  + " set SETUP_ALLOW_REMOTE=true to open it to other hosts\n");
      return;
    }
    send(ctx, setup.flow().start());
  }

  private static boolean isLocal(Context ctx) {
    for (String h : FORWARDING) {
      if (ctx.header(h) != null) {
        return false;
      }
    }
    try {
      return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void send(Context ctx, Page page) {
    ctx.header("Cache-Control", "no-store");
    ctx.status(page.status()).contentType("text/html; charset=utf-8").result(page.html());
  }
}
