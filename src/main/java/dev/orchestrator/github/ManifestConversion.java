package dev.orchestrator.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.config.Secret;
import dev.orchestrator.setup.Conversion;
import dev.orchestrator.setup.Registration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * {@code POST /app-manifests/{code}/conversions}: the one GitHub call of setup mode. It needs no
 * credentials (the code is the proof) and there is no App yet to govern or rate-limit, so it goes
 * straight over {@code java.net.http} with the transport's timeouts and headers, and is sent once:
 * the code is good for one exchange, so a retry after a lost answer could only fail.
 */
public final class ManifestConversion implements Conversion {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> REQUIRED =
      List.of("id", "slug", "html_url", "client_id", "client_secret", "webhook_secret", "pem");

  private final URI apiUrl;
  private final HttpClient client;

  public ManifestConversion(URI apiUrl) {
    this.apiUrl = apiUrl;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(TransportConfig.DEFAULT_CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Result convert(String code) {
    String target =
        apiUrl.toString().replaceAll("/+$", "")
            + GitHubRequest.path("/app-manifests/%s/conversions", code);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(target))
            .timeout(TransportConfig.DEFAULT_REQUEST_TIMEOUT)
            .header("Accept", TransportConfig.ACCEPT)
            .header("X-GitHub-Api-Version", TransportConfig.API_VERSION)
            .header("User-Agent", TransportConfig.USER_AGENT)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new Result.Failed("POST /app-manifests/{code}/conversions: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result.Failed("POST /app-manifests/{code}/conversions: interrupted");
    }
    return read(response.statusCode(), response.body());
  }

  /** The registration in a conversion's answer, or why there is none. */
  static Result read(int status, String body) {
    JsonNode json;
    try {
      json = JSON.readTree(body == null ? "" : body);
    } catch (IOException e) {
      json = null;
    }
    if (status != 201) {
      String message = json == null ? "" : json.path("message").asText("");
      return new Result.Failed(
          status
              + " from GitHub"
              + (message.isEmpty() ? "" : ": " + message)
              + (status == 404 ? " (the code is unknown, used or more than an hour old)" : ""));
    }
    if (json == null || !json.isObject()) {
      return new Result.Failed("GitHub answered 201 without a JSON object");
    }
    for (String field : REQUIRED) {
      if (!json.hasNonNull(field) || json.get(field).asText().isEmpty()) {
        return new Result.Failed("GitHub's answer lacks \"" + field + "\"");
      }
    }
    return new Result.Converted(
        new Registration(
            json.get("id").asLong(),
            json.get("slug").asText(),
            json.get("html_url").asText(),
            json.get("client_id").asText(),
            Secret.of(json.get("client_secret").asText()),
            Secret.of(json.get("webhook_secret").asText()),
            Secret.of(json.get("pem").asText())));
  }
}
