package dev.orchestrator.fakegithub.http;

import dev.orchestrator.fakegithub.auth.JwtVerifier;
import dev.orchestrator.fakegithub.auth.Tokens;
import dev.orchestrator.fakegithub.faults.Faults;
import dev.orchestrator.fakegithub.openapi.OpenApiIndex;
import dev.orchestrator.fakegithub.openapi.Operation;
import dev.orchestrator.fakegithub.openapi.Parameter;
import dev.orchestrator.fakegithub.state.World;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.List;

/**
 * The fake's HTTP server: Javalin on 127.0.0.1 and a free port, every route served both at the root
 * ({@code GITHUB_API_URL=http://127.0.0.1:PORT}) and under {@code /api/v3} (GitHub Enterprise
 * Server style), and a catch-all that records unknown routes.
 */
public final class FakeServer implements AutoCloseable {
  private static final HandlerType[] METHODS = {
    HandlerType.GET, HandlerType.POST, HandlerType.PATCH, HandlerType.PUT, HandlerType.DELETE
  };

  private final Javalin javalin;
  private final Pipeline pipeline;

  private FakeServer(Javalin javalin, Pipeline pipeline) {
    this.javalin = javalin;
    this.pipeline = pipeline;
  }

  /**
   * The fake's collaborators, assembled by {@code FakeGitHub}.
   *
   * @param index the vendored REST description
   * @param world the state
   * @param tokens installation and personal tokens
   * @param jwt the app JWT verifier
   * @param limits primary rate limits
   * @param faults armed faults
   * @param log the request log
   * @param clock the fake's clock
   */
  public record Parts(
      OpenApiIndex index,
      World world,
      Tokens tokens,
      JwtVerifier jwt,
      RateLimits limits,
      Faults faults,
      RequestLog log,
      Clock clock) {}

  /** Checks {@code routes} against the description, then starts serving them. */
  public static FakeServer start(List<Route> routes, Parts parts) {
    RouteTable.verify(routes, parts.index());
    Pipeline pipeline =
        new Pipeline(
            parts.index(),
            new Authenticator(parts.world(), parts.tokens(), parts.jwt()),
            parts.limits(),
            parts.faults(),
            parts.log(),
            parts.clock());
    Javalin javalin = Javalin.create(config -> configure(config, routes, parts.index(), pipeline));
    javalin.start();
    pipeline.origin("http://127.0.0.1:" + javalin.port());
    return new FakeServer(javalin, pipeline);
  }

  private static void configure(
      JavalinConfig config, List<Route> routes, OpenApiIndex index, Pipeline pipeline) {
    config.jetty.host = "127.0.0.1";
    config.jetty.port = 0;
    config.startup.showJavalinBanner = false;
    config.http.compressionStrategy = CompressionStrategy.NONE;
    for (String prefix : new String[] {"", Incoming.GHES_PREFIX}) {
      for (Route route : routes) {
        String path = prefix + javalinPath(index.get(route.method(), route.template()));
        config.routes.addHttpHandler(
            HandlerType.findOrCreate(route.method()), path, ctx -> pipeline.serve(ctx, route));
      }
    }
    // registered last: Javalin tries endpoints in the order they were added
    for (HandlerType method : METHODS) {
      config.routes.addHttpHandler(method, "/*", pipeline::unknown);
    }
  }

  /** The description's template in Javalin's syntax: a multi-segment parameter is {@code <p>}. */
  private static String javalinPath(Operation op) {
    String path = op.path();
    for (Parameter p : op.parameters()) {
      if (p.multiSegment()) {
        path = path.replace("{" + p.name() + "}", "<" + p.name() + ">");
      }
    }
    return path;
  }

  /** The bound port. */
  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    pipeline.close();
    javalin.stop();
  }
}
