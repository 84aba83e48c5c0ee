package dev.orchestrator.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The four GitHub routes {@code agent doctor} calls, on 127.0.0.1:0, answering with GitHub's
 * documented examples (REST description, {@code @octokit/openapi}): {@code GET /app} and {@code GET
 * /app/installations} with a valid App JWT, the installation-token mint, and {@code GET
 * /rate_limit} with the minted token or {@code GITHUB_TOKEN}. Every request is logged; a route it
 * does not know answers 404 and is listed in {@link #unknown}.
 */
final class DoctorGitHub implements AutoCloseable {
  static final String INSTALLATION_TOKEN = "ghs_doctor_installation_token";
  static final String PERSONAL_TOKEN = "ghp_doctor_personal_token";

  private final HttpServer server;
  private final PublicKey appKey;
  private final Clock clock;
  final List<String> requests = new CopyOnWriteArrayList<>();
  final List<String> unknown = new CopyOnWriteArrayList<>();
  volatile long coreRemaining = 4999;
  volatile String installations = INSTALLATION;

  DoctorGitHub(PublicKey appKey, Clock clock) throws IOException {
    this.appKey = appKey;
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    String route = ex.getRequestMethod() + " " + ex.getRequestURI().getPath();
    requests.add(route);
    String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
    switch (route) {
      case "GET /app":
        reply(ex, jwtOk(auth) ? 200 : 401, jwtOk(auth) ? APP : BAD_JWT);
        break;
      case "GET /app/installations":
        reply(ex, jwtOk(auth) ? 200 : 401, jwtOk(auth) ? "[" + installations + "]" : BAD_JWT);
        break;
      case "POST /app/installations/1/access_tokens":
        reply(
            ex,
            jwtOk(auth) ? 201 : 401,
            jwtOk(auth)
                ? "{\"token\":\""
                    + INSTALLATION_TOKEN
                    + "\",\"expires_at\":\""
                    + clock.instant().plusSeconds(3600)
                    + "\"}"
                : BAD_JWT);
        break;
      case "GET /rate_limit":
        boolean known =
            auth.equals("Bearer " + INSTALLATION_TOKEN) || auth.equals("Bearer " + PERSONAL_TOKEN);
        reply(ex, known ? 200 : 401, known ? rateLimit() : BAD_CREDENTIALS);
        break;
      default:
        unknown.add(route);
        reply(ex, 404, "{\"message\":\"Not Found\"}");
    }
  }

  private boolean jwtOk(String auth) {
    if (!auth.startsWith("Bearer ")) {
      return false;
    }
    try {
      Jwts.parser()
          .verifyWith(appKey)
          .clock(() -> Date.from(clock.instant()))
          .build()
          .parseSignedClaims(auth.substring("Bearer ".length()));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private String rateLimit() {
    return "{\"resources\":{\"core\":{\"limit\":5000,\"used\":"
        + (5000 - coreRemaining)
        + ",\"remaining\":"
        + coreRemaining
        + ",\"reset\":1691591363},"
        + "\"search\":{\"limit\":30,\"used\":12,\"remaining\":18,\"reset\":1691591091},"
        + "\"graphql\":{\"limit\":5000,\"used\":7,\"remaining\":4993,\"reset\":1691593228}},"
        + "\"rate\":{\"limit\":5000,\"used\":1,\"remaining\":4999,\"reset\":1372700873}}";
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static final String BAD_JWT =
      "{\"message\":\"A JSON web token could not be decoded\","
          + "\"documentation_url\":\"https://docs.github.com/rest\"}";
  private static final String BAD_CREDENTIALS =
      "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}";

  /** GitHub's example of {@code GET /app}. */
  private static final String APP =
      "{\"id\":1,\"slug\":\"octoapp\",\"client_id\":\"Iv1.ab1112223334445c\","
          + "\"node_id\":\"MDExOkludGVncmF0aW9uMQ==\",\"owner\":{\"login\":\"octocat\",\"id\":1,"
          + "\"node_id\":\"MDQ6VXNlcjE=\",\"type\":\"User\",\"site_admin\":false},"
          + "\"name\":\"Octocat App\",\"description\":\"\",\"external_url\":\"https://example.com\","
          + "\"html_url\":\"https://github.com/apps/octoapp\","
          + "\"created_at\":\"2017-07-08T16:18:44-04:00\","
          + "\"updated_at\":\"2017-07-08T16:18:44-04:00\","
          + "\"permissions\":{\"metadata\":\"read\",\"contents\":\"read\",\"issues\":\"write\","
          + "\"single_file\":\"write\"},\"events\":[\"push\",\"pull_request\"]}";

  /** GitHub's example item of {@code GET /app/installations}. */
  static final String INSTALLATION =
      "{\"id\":1,\"account\":{\"login\":\"octocat\",\"id\":1,\"node_id\":\"MDQ6VXNlcjE=\","
          + "\"type\":\"User\",\"site_admin\":false},"
          + "\"access_tokens_url\":\"https://api.github.com/app/installations/1/access_tokens\","
          + "\"repositories_url\":\"https://api.github.com/installation/repositories\","
          + "\"html_url\":\"https://github.com/organizations/github/settings/installations/1\","
          + "\"app_id\":1,\"target_id\":1,\"target_type\":\"Organization\","
          + "\"permissions\":{\"checks\":\"write\",\"metadata\":\"read\",\"contents\":\"read\"},"
          + "\"events\":[\"push\",\"pull_request\"],\"single_file_name\":\"config.yaml\","
          + "\"repository_selection\":\"selected\","
          + "\"created_at\":\"2017-07-08T16:18:44-04:00\","
          + "\"updated_at\":\"2017-07-08T16:18:44-04:00\",\"app_slug\":\"github-actions\","
          + "\"suspended_at\":null,\"suspended_by\":null}";
}
