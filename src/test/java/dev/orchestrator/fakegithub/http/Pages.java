package dev.orchestrator.fakegithub.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GitHub's page-number pagination: {@code page} and {@code per_page} in, a slice and a {@code Link}
 * header ({@code first}, {@code prev}, {@code next}, {@code last}) out.
 */
public final class Pages {
  private Pages() {}

  /**
   * One page of a listing.
   *
   * @param items the page's items
   * @param link the {@code Link} header value, or null when everything fits on one page
   */
  public record Page<T>(List<T> items, String link) {
    /** Adds the {@code Link} header to {@code reply} when there is one. */
    public Reply decorate(Reply reply) {
      return link == null ? reply : reply.withHeader("link", link);
    }
  }

  /** The page {@code call} asks for. */
  public static <T> Page<T> of(List<T> all, Call call) {
    int perPage = call.perPage();
    int page = call.page();
    int from = Math.min(all.size(), (page - 1) * perPage);
    int to = Math.min(all.size(), from + perPage);
    int last = Math.max(1, (all.size() + perPage - 1) / perPage);
    if (last == 1 && page == 1) {
      return new Page<>(all.subList(from, to), null);
    }
    List<String> rels = new ArrayList<>();
    if (page > 1) {
      rels.add(link(call, Math.min(page - 1, last), perPage, "prev"));
    }
    if (page < last) {
      rels.add(link(call, page + 1, perPage, "next"));
      rels.add(link(call, last, perPage, "last"));
    }
    if (page > 1) {
      rels.add(link(call, 1, perPage, "first"));
    }
    return new Page<>(all.subList(from, to), String.join(", ", rels));
  }

  private static String link(Call call, int page, int perPage, String rel) {
    StringBuilder url = new StringBuilder(call.links().api(call.path())).append('?');
    for (Map.Entry<String, List<String>> e : call.query().entrySet()) {
      if (e.getKey().equals("page") || e.getKey().equals("per_page")) {
        continue;
      }
      for (String value : e.getValue()) {
        url.append(encode(e.getKey())).append('=').append(encode(value)).append('&');
      }
    }
    url.append("per_page=").append(perPage).append("&page=").append(page);
    return "<" + url + ">; rel=\"" + rel + "\"";
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
