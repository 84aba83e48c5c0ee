package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.config.Secret;
import dev.orchestrator.webhook.SignatureVerifier;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Sends one webhook delivery the way GitHub does: the raw payload signed with HMAC-SHA256 in {@code
 * X-Hub-Signature-256}, with the event and delivery id headers.
 */
final class WebhookPost {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  static final String USER_AGENT = "agent-orchestrator-receive/0.1";

  /** The server's answer: its status and the message of its JSON body (or the body itself). */
  record Answer(int status, String message) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private WebhookPost() {}

  /**
   * Posts {@code payload}; throws {@link IllegalStateException} with a clear message if no answer.
   */
  static Answer send(URI url, String event, String deliveryId, byte[] payload, Secret secret) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .header("X-GitHub-Event", event)
            .header("X-GitHub-Delivery", deliveryId)
            .header("X-Hub-Signature-256", SignatureVerifier.sign(payload, secret))
            .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
            .build();
    HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), message(r.body()));
    } catch (ConnectException e) {
      throw new IllegalStateException(
          "posting to \"" + url + "\": cannot connect; is `agent serve` running there?", e);
    } catch (HttpTimeoutException e) {
      throw new IllegalStateException("posting to \"" + url + "\": no answer in time", e);
    } catch (IOException e) {
      throw new IllegalStateException("posting to \"" + url + "\": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("posting to \"" + url + "\": interrupted", e);
    }
  }

  private static String message(String body) {
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node != null && node.path("message").isTextual()) {
        return node.path("message").asText();
      }
    } catch (IOException e) {
      // not JSON: show the body as it came
    }
    return body.strip();
  }
}
