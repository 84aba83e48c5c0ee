package dev.orchestrator.cli;

import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.ServerRuntime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code agent serve}: the webhook server and workers, until SIGTERM or Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the webhook server and workers until stopped (SIGTERM or Ctrl-C).")
final class ServeCommand implements Callable<Integer> {
  private final AppFactory factory;

  ServeCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() throws InterruptedException {
    App app = factory.open();
    ServerRuntime server = ServerRuntime.start(app);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  // A graceful stop on SIGTERM is a success: exit 0, not the JVM's 143.
                  Runtime.getRuntime().halt(ExitCodes.OK);
                },
                "shutdown"));
    server.awaitStop();
    return ExitCodes.OK;
  }
}
