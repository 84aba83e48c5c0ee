package dev.orchestrator.fakegithub.http;

import dev.orchestrator.fakegithub.openapi.OpenApiIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The start-up check (DESIGN.md house rule 7: dispatch is an explicit map, checked at start-up):
 * every route the fake serves must be an operation of GitHub's REST description, and none twice.
 */
public final class RouteTable {
  private RouteTable() {}

  /** Throws naming every route that is not in the description or is served twice. */
  public static void verify(List<Route> routes, OpenApiIndex index) {
    List<String> wrong = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Route route : routes) {
      if (index.find(route.method(), route.template()).isEmpty()) {
        wrong.add("\"" + route.key() + "\" is not in GitHub's REST description");
      }
      if (!seen.add(route.key())) {
        wrong.add("\"" + route.key() + "\" is served twice");
      }
    }
    if (!wrong.isEmpty()) {
      throw new IllegalStateException(
          "starting the fake GitHub: "
              + String.join("; ", wrong)
              + " (vendored subset: src/test/resources"
              + OpenApiIndex.RESOURCE
              + ", from scripts/extract-github-openapi.mjs)");
    }
  }
}
