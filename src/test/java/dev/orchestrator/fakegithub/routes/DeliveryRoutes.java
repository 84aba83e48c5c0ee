package dev.orchestrator.fakegithub.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.orchestrator.fakegithub.http.Auth;
import dev.orchestrator.fakegithub.http.Call;
import dev.orchestrator.fakegithub.http.Errors;
import dev.orchestrator.fakegithub.http.Reply;
import dev.orchestrator.fakegithub.http.Route;
import dev.orchestrator.fakegithub.state.Delivery;
import dev.orchestrator.fakegithub.state.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The app's webhook deliveries: listed newest first with cursor pagination ({@code per_page},
 * {@code cursor}, a {@code Link} header with {@code rel="next"}) and the {@code status} filter;
 * redelivery attempts are recorded.
 */
final class DeliveryRoutes {
  private static final String CURSOR_PREFIX = "v1_";

  private final World world;

  DeliveryRoutes(World world) {
    this.world = world;
  }

  List<Route> routes() {
    return List.of(
        Route.get("/app/hook/deliveries", Auth.APP, this::list),
        Route.post("/app/hook/deliveries/{delivery_id}/attempts", Auth.APP, this::redeliver));
  }

  private Reply list(Call call) {
    Optional<String> status = call.query("status");
    List<Delivery> all =
        world.deliveries().newestFirst().stream()
            .filter(d -> status.map(s -> s.equals("success") == d.succeeded()).orElse(true))
            .toList();
    int start = 0;
    Optional<String> cursor = call.query("cursor");
    if (cursor.isPresent()) {
      start = position(all, cursor.get());
      if (start < 0) {
        return Errors.error(400, "Bad Request", call.docs());
      }
    }
    int end = Math.min(all.size(), start + call.perPage());
    ArrayNode out = Views.NODES.arrayNode();
    all.subList(start, end).forEach(d -> out.add(AppViews.delivery(Views.template(call, 200), d)));
    Reply reply = Reply.json(200, out);
    if (end < all.size()) {
      String next = CURSOR_PREFIX + all.get(end).id();
      StringBuilder url = new StringBuilder(call.links().api(call.path()));
      url.append("?per_page=").append(call.perPage());
      status.ifPresent(s -> url.append("&status=").append(encode(s)));
      url.append("&cursor=").append(encode(next));
      reply = reply.withHeader("link", "<" + url + ">; rel=\"next\"");
    }
    return reply;
  }

  /** The index of the delivery a cursor points at, or -1. */
  private static int position(List<Delivery> all, String cursor) {
    if (!cursor.startsWith(CURSOR_PREFIX)) {
      return -1;
    }
    long id;
    try {
      id = Long.parseLong(cursor.substring(CURSOR_PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).id() == id) {
        return i;
      }
    }
    return -1;
  }

  private Reply redeliver(Call call) {
    return world
        .deliveries()
        .redeliver(call.id("delivery_id"))
        .map(d -> Reply.json(202, Views.NODES.objectNode()))
        .orElseGet(() -> Errors.notFound(call.docs()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
