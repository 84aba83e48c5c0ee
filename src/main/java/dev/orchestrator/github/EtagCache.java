package dev.orchestrator.github;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last 200 answer of each conditional GET (reactions awaiting approval, configuration and
 * mission files), with its ETag. The transport sends the ETag as {@code If-None-Match}; GitHub's
 * 304 costs no rate limit and is answered from here. Keyed by lane, URL and {@code Accept}, since
 * another installation or media type may see another answer. Least recently used entries go first.
 */
final class EtagCache {
  /** A cached answer and the ETag it came with. */
  record Entry(String etag, GitHubResponse response) {}

  private final Map<String, Entry> entries;

  EtagCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > capacity;
          }
        };
  }

  static String key(HttpCall call) {
    String accept =
        call.headers().entrySet().stream()
            .filter(h -> h.getKey().equalsIgnoreCase("Accept"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(TransportConfig.ACCEPT);
    return call.lane() + " " + call.uri() + " " + accept;
  }

  synchronized Optional<Entry> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  synchronized void put(String key, Entry entry) {
    entries.put(key, entry);
  }

  synchronized void remove(String key) {
    entries.remove(key);
  }
}
