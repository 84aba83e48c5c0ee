package dev.orchestrator.cli;

import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.store.DeliveryRedispatch;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agent redispatch --delivery GUID}: hands a stored delivery to the dispatcher again, e.g.
 * one given up while GitHub could not serve its repository's {@code .github/agent.yml}. GitHub's
 * own redelivery cannot do this: it carries the same delivery id, which is never processed twice.
 */
@Command(
    name = "redispatch",
    mixinStandardHelpOptions = true,
    description = {
      "Dispatches a stored webhook delivery again (one that was ignored, failed or given up; not"
          + " one that started runs, answered commands or cancelled runs):"
          + " the running server picks it up within seconds, or the next `agent serve` does.",
      "What it did the first time (a reply, a reaction) is looked up before it is repeated, and a"
          + " run it started is not started again."
    },
    footer = {
      "",
      "Exit codes:",
      "  0  handed to the dispatcher again",
      "  1  no such delivery, it is still waiting, it did something the first time, or the store"
          + " failed",
      "  2  bad usage"
    })
final class RedispatchCommand implements Callable<Integer> {
  private final AppFactory factory;

  @Spec CommandSpec spec;

  @Option(
      names = "--delivery",
      required = true,
      paramLabel = "GUID",
      description = "The delivery's id (GitHub's X-GitHub-Delivery).")
  String deliveryId;

  RedispatchCommand(AppFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() {
    DeliveryRedispatch.Result result;
    try (App app = factory.open()) {
      result = app.redispatch(deliveryId);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (result instanceof DeliveryRedispatch.Result.NotFound) {
      err.println("no delivery \"" + deliveryId + "\" is stored");
      err.flush();
      return ExitCodes.FAILED;
    }
    if (result instanceof DeliveryRedispatch.Result.StillPending pending) {
      err.println(
          "delivery \""
              + deliveryId
              + "\" ("
              + pending.event()
              + ") has not been dispatched yet; `agent explain --delivery "
              + deliveryId
              + "` says when it is tried");
      err.flush();
      return ExitCodes.FAILED;
    }
    if (result instanceof DeliveryRedispatch.Result.Refused refused) {
      err.println(
          "delivery \""
              + deliveryId
              + "\" ("
              + refused.event()
              + ") came to \""
              + refused.outcome()
              + "\": only failed or ignored deliveries are dispatched again (what it did would be"
              + " replayed against today's state)");
      err.flush();
      return ExitCodes.FAILED;
    }
    DeliveryRedispatch.Result.Requeued done = (DeliveryRedispatch.Result.Requeued) result;
    out.println(
        "delivery \""
            + deliveryId
            + "\" ("
            + done.event()
            + ") is pending again; it was "
            + done.outcome().orElse("dispatched")
            + done.reason().map(r -> ": " + r).orElse(""));
    out.println(
        "a running server dispatches it within seconds; follow it with `agent explain --delivery "
            + deliveryId
            + "`");
    out.flush();
    return ExitCodes.OK;
  }
}
