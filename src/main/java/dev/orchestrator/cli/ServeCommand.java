package dev.orchestrator.cli;

import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.ServerRuntime;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
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
    AtomicReference<ServerRuntime> current = new AtomicReference<>();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  ServerRuntime server = current.get();
                  if (server != null) {
                    server.close();
                  }
                  // A graceful stop on SIGTERM is a success: exit 0, not the JVM's 143.
                  Runtime.getRuntime().halt(ExitCodes.OK);
                },
                "shutdown"));
    // Setup mode ends by writing the App's credentials to .env and stopping: start again, and
    // the configuration read anew puts the server in App mode.
    while (true) {
      App app = factory.open();
      ServerRuntime server = ServerRuntime.start(app);
      current.set(server);
      server.awaitStop();
      if (!server.restartRequested()) {
        return ExitCodes.OK;
      }
    }
  }
}
