package dev.orchestrator.fakegithub.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Puts replies on the wire: at once, after a delay (scheduled, not slept, so no server thread is
 * held), or not at all (the connection is closed unanswered). Delays are real time, since the
 * client's timeouts are.
 */
final class Transmitter implements AutoCloseable {
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fake-github-delays");
            t.setDaemon(true);
            return t;
          });
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

  /** Writes {@code reply} now. */
  void write(Context ctx, Reply reply) {
    ctx.status(reply.status());
    for (Map.Entry<String, String> h : reply.headers().entrySet()) {
      ctx.header(h.getKey(), h.getValue());
    }
    if (reply.contentType() != null) {
      ctx.contentType(reply.contentType());
    }
    ctx.result(reply.body());
  }

  /** Runs {@code work} after {@code delay} and lets Javalin finish the request then. */
  void later(Context ctx, Duration delay, Runnable work) {
    ctx.future(
        () -> {
          CompletableFuture<Void> done = new CompletableFuture<>();
          pending.add(done);
          done.whenComplete((v, e) -> pending.remove(done));
          scheduler.schedule(
              () -> {
                try {
                  work.run();
                  done.complete(null);
                } catch (RuntimeException e) {
                  done.completeExceptionally(e);
                }
              },
              delay.toMillis(),
              TimeUnit.MILLISECONDS);
          return done;
        });
  }

  /** Closes the client's connection without an answer. */
  void drop(Context ctx) {
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    request.getConnectionMetaData().getConnection().getEndPoint().close();
  }

  /** Abandons held answers: their clients see the connection close when the server stops. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    pending.forEach(f -> f.cancel(false));
  }
}
