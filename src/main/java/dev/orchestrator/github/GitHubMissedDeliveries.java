package dev.orchestrator.github;

import dev.orchestrator.webhook.LoggedDelivery;
import dev.orchestrator.webhook.MissedDeliveries;
import java.util.Optional;

/**
 * The App's delivery log through the gateway, with the App's JWT: {@code GET /app/hook/deliveries}
 * ({@code per_page}, {@code cursor} from the {@code Link} header) and {@code POST
 * /app/hook/deliveries/{delivery_id}/attempts}.
 */
public final class GitHubMissedDeliveries implements MissedDeliveries {
  private final GitHubGateway gateway;

  public GitHubMissedDeliveries(GitHubGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public Listing page(Optional<String> cursor) {
    GitHubResult<WebhookDelivery.Page> r = gateway.listDeliveries(MAX_PAGE, cursor);
    if (r instanceof GitHubResult.Ok<WebhookDelivery.Page> ok) {
      return new Listing.Page(
          ok.value().deliveries().stream().map(GitHubMissedDeliveries::logged).toList(),
          ok.value().nextCursor());
    }
    return new Listing.Failed(r.describe(), r.retryAt());
  }

  @Override
  public Request redeliver(long id) {
    GitHubResult<Done> r = gateway.redeliver(id);
    if (r.isOk()) {
      return new Request.Accepted();
    }
    if (r instanceof GitHubResult.NotFound<Done>
        || r instanceof GitHubResult.Failed<Done> f && refusedForGood(f)) {
      return new Request.Refused(r.describe());
    }
    // 5xx, no answer, a rate limit (deferred), or an outcome we cannot know: a request made twice
    // costs nothing, since the intake keeps one row per guid
    return new Request.Failed(r.describe());
  }

  /**
   * A 4xx about this attempt (GitHub no longer redelivers it, say); 401 and 403 are about our
   * credentials or a rate limit, which the next scan may find fixed.
   */
  private static boolean refusedForGood(GitHubResult.Failed<Done> f) {
    return f.kind() == FailureKind.REFUSED && f.status() != 401 && f.status() != 403;
  }

  private static LoggedDelivery logged(WebhookDelivery d) {
    return new LoggedDelivery(
        d.id(), d.guid(), d.deliveredAt(), d.redelivery(), d.statusCode(), d.event(), d.action());
  }
}
