package dev.orchestrator.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kohsuke.github.GHApp;
import org.kohsuke.github.GHAppInstallation;

/** Calls made as the App itself, with its JWT: identity, installations, the delivery log. */
final class AppCalls {
  private final Clients clients;
  private volatile GHApp app; // kohsuke's handle; the App's identity does not change while we run

  AppCalls(Clients clients) {
    this.clients = clients;
  }

  GitHubResult<AppIdentity> appIdentity() {
    String what = "reading the App's identity";
    return ghApp(what).map(a -> new AppIdentity(a.getId(), a.getSlug(), a.getName()));
  }

  GitHubResult<List<Installation>> listInstallations() {
    String what = "listing the App's installations";
    return ghApp(what)
        .flatMap(
            a ->
                Calls.kohsuke(
                    what,
                    () -> {
                      List<Installation> all = new ArrayList<>();
                      for (GHAppInstallation i : a.listInstallations().withPageSize(100)) {
                        all.add(installation(i));
                      }
                      return List.copyOf(all);
                    }));
  }

  GitHubResult<Installation> installation(long id) {
    String what = "reading installation " + id;
    return ghApp(what)
        .flatMap(a -> Calls.kohsuke(what, () -> installation(a.getInstallationById(id))));
  }

  GitHubResult<Installation> installationFor(Repo repo) {
    String what = "reading the installation of \"" + repo + "\"";
    return clients
        .app(what)
        .flatMap(
            c ->
                Calls.expect(
                    c.send(
                        GitHubRequest.get(
                            GitHubRequest.path(
                                "/repos/%s/%s/installation", repo.owner(), repo.name()))),
                    what,
                    r -> Models.installation(r.json())));
  }

  GitHubResult<WebhookDelivery.Page> listDeliveries(int perPage, Optional<String> cursor) {
    String what = "listing the App's webhook deliveries";
    GitHubRequest first =
        GitHubRequest.get("/app/hook/deliveries")
            .with("per_page", Math.max(1, Math.min(perPage, 100)));
    GitHubRequest request = cursor.map(c -> first.with("cursor", c)).orElse(first);
    return clients
        .app(what)
        .flatMap(
            c ->
                Calls.expect(
                    c.send(request),
                    what,
                    r -> {
                      List<WebhookDelivery> page = new ArrayList<>();
                      r.json().forEach(n -> page.add(Models.delivery(n)));
                      return new WebhookDelivery.Page(List.copyOf(page), nextCursor(r));
                    }));
  }

  GitHubResult<Done> redeliver(long deliveryId) {
    String what = "asking GitHub to redeliver delivery " + deliveryId;
    return clients
        .app(what)
        .flatMap(
            c ->
                Calls.expect(
                    c.send(
                        GitHubRequest.post(
                            GitHubRequest.path("/app/hook/deliveries/%s/attempts", deliveryId))),
                    what,
                    r -> Done.DONE));
  }

  /** The cursor of the {@code Link: rel="next"} URL, which is how GitHub pages this log. */
  private static Optional<String> nextCursor(GitHubResponse r) {
    return r.nextLink()
        .flatMap(
            uri -> {
              String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
              for (String pair : query.split("&")) {
                if (pair.startsWith("cursor=")) {
                  return Optional.of(
                      java.net.URLDecoder.decode(
                          pair.substring("cursor=".length()),
                          java.nio.charset.StandardCharsets.UTF_8));
                }
              }
              return Optional.empty();
            });
  }

  private GitHubResult<GHApp> ghApp(String what) {
    GHApp known = app;
    if (known != null) {
      return new GitHubResult.Ok<>(known);
    }
    return clients
        .app(what)
        .flatMap(c -> Calls.kohsuke(what, () -> clients.kohsuke(c).getApp()))
        .map(
            a -> {
              app = a;
              return a;
            });
  }

  private static Installation installation(GHAppInstallation i) {
    return new Installation(
        i.getId(),
        i.getAccount() == null ? "" : i.getAccount().getLogin(),
        i.getTargetType() == null ? "" : targetType(i.getTargetType().name()));
  }

  /**
   * GitHub's spelling of kohsuke's enum constant ({@code ORGANIZATION} is {@code "Organization"}),
   * so an installation reads the same whether kohsuke or a direct call fetched it.
   */
  private static String targetType(String constant) {
    return constant.isEmpty()
        ? constant
        : constant.charAt(0) + constant.substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
