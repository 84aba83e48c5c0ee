package dev.orchestrator;

import dev.orchestrator.config.Settings;
import dev.orchestrator.dispatch.Identity;
import dev.orchestrator.github.AppIdentity;
import dev.orchestrator.github.GitHubGateway;
import dev.orchestrator.github.GitHubResult;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns the App's identity ({@code GET /app}) in the background, retrying with back-off, so that
 * {@code serve} starts and takes webhooks even while GitHub is unreachable. Until it succeeds,
 * every bot sender is ignored. In token mode there is no App identity to learn.
 */
final class IdentityLookup implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IdentityLookup.class);
  private static final long FIRST_RETRY_MS = 2_000;
  private static final long MAX_RETRY_MS = 300_000;

  private final GitHubGateway gateway;
  private final Identity identity;
  private final Settings.Mode mode;
  private final Thread thread;
  private final Object lock = new Object();
  private volatile boolean open = true;

  IdentityLookup(GitHubGateway gateway, Identity identity, Settings.Mode mode) {
    this.gateway = gateway;
    this.identity = identity;
    this.mode = mode;
    this.thread = new Thread(this::loop, "identity-lookup");
    this.thread.setDaemon(true);
  }

  void start() {
    if (mode == Settings.Mode.APP) {
      thread.start();
    }
  }

  private void loop() {
    long wait = FIRST_RETRY_MS;
    while (open) {
      GitHubResult<AppIdentity> r = gateway.appIdentity();
      if (r.isOk()) {
        identity.learned(r.orElseThrow().botLogin());
        LOG.info("app identity: {}", r.orElseThrow().botLogin());
        return;
      }
      LOG.warn(
          "looking up the app's identity (GET /app): {}; retrying in {} s",
          r.describe(),
          wait / 1000);
      synchronized (lock) {
        try {
          TimeUnit.MILLISECONDS.timedWait(lock, wait); // woken early by close()
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      wait = Math.min(wait * 2, MAX_RETRY_MS);
    }
  }

  @Override
  public void close() {
    open = false;
    synchronized (lock) {
      lock.notifyAll();
    }
  }
}
