package dev.orchestrator.fakegithub;

import dev.orchestrator.fakegithub.state.Deliveries;
import dev.orchestrator.fakegithub.state.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts webhooks to the app's webhook URL the way GitHub does: JSON body, {@code X-GitHub-Event},
 * {@code X-GitHub-Delivery} (the guid, the same on a redelivery), {@code X-GitHub-Hook-ID}, {@code
 * X-GitHub-Hook-Installation-Target-Type: integration} and {@code -Target-ID} (the app id), {@code
 * X-Hub-Signature} (HMAC-SHA1) and {@code X-Hub-Signature-256}, a {@code GitHub-Hookshot/} user
 * agent. One thread sends, after the request that asked has been answered; while the receiver is
 * away (a server restarting on a new port) sends wait for it to come back, at most {@link
 * #AWAY_AT_MOST}, then count as unreachable.
 */
public final class WebhookSender implements Deliveries.Receiver, AutoCloseable {
  /** The App's webhook id in the fake. */
  public static final long HOOK_ID = 448_866_001L;

  static final Duration AWAY_AT_MOST = Duration.ofSeconds(30);

  private final long appId;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ExecutorService sending =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fake-github-webhooks");
            t.setDaemon(true);
            return t;
          });
  private URI url; // guarded by this; null while the receiver is away
  private String secret;

  WebhookSender(long appId) {
    this.appId = appId;
  }

  /** Sends to {@code url} from now on, signed with {@code secret}. */
  public synchronized void target(URI url, String secret) {
    this.url = url;
    this.secret = secret;
    notifyAll();
  }

  /** The receiver is away until the next {@link #target}: sends wait. */
  public synchronized void away() {
    url = null;
  }

  @Override
  public void send(Delivery attempt, byte[] payload, IntConsumer answered) {
    sending.execute(() -> answered.accept(post(attempt, payload)));
  }

  private int post(Delivery attempt, byte[] payload) {
    URI to;
    String key;
    synchronized (this) {
      long deadline = System.nanoTime() + AWAY_AT_MOST.toNanos();
      while (url == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return 0;
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return 0;
        }
      }
      to = url;
      key = secret;
    }
    HttpRequest request =
        HttpRequest.newBuilder(to)
            .timeout(Duration.ofSeconds(10)) // GitHub's own limit for an answer
            .header("Content-Type", "application/json")
            .header("User-Agent", "GitHub-Hookshot/fake")
            .header("X-GitHub-Event", attempt.event())
            .header("X-GitHub-Delivery", attempt.guid())
            .header("X-GitHub-Hook-ID", Long.toString(HOOK_ID))
            .header("X-GitHub-Hook-Installation-Target-Type", "integration")
            .header("X-GitHub-Hook-Installation-Target-ID", Long.toString(appId))
            .header("X-Hub-Signature", "sha1=" + hmac("HmacSHA1", key, payload))
            .header("X-Hub-Signature-256", "sha256=" + hmac("HmacSHA256", key, payload))
            .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static String hmac(String algorithm, String key, byte[] body) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    sending.shutdownNow();
  }
}
