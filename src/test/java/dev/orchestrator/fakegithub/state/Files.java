package dev.orchestrator.fakegithub.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** File contents of a repository, per branch (or other ref). */
public final class Files {
  private final Map<String, Map<String, byte[]>> byRef = new HashMap<>();

  /**
   * An entry of a directory listing.
   *
   * @param path full path
   * @param directory true for a sub-directory
   * @param content the file's bytes (empty for a directory)
   */
  public record Entry(String path, boolean directory, byte[] content) {
    /** The last path segment. */
    public String name() {
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  /** Puts a UTF-8 text file on {@code ref}. */
  public void put(String ref, String path, String content) {
    put(ref, path, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Puts a file on {@code ref}. */
  public synchronized void put(String ref, String path, byte[] content) {
    byRef.computeIfAbsent(ref, r -> new TreeMap<>()).put(strip(path), content.clone());
  }

  /** Removes a file from {@code ref}. */
  public synchronized void remove(String ref, String path) {
    byRef.getOrDefault(ref, Map.of()).remove(strip(path));
  }

  /** The file at {@code path} on {@code ref}. */
  public synchronized Optional<byte[]> file(String ref, String path) {
    byte[] content = byRef.getOrDefault(ref, Map.of()).get(strip(path));
    return Optional.ofNullable(content).map(byte[]::clone);
  }

  /** The entries directly under {@code dir} on {@code ref}; empty when it is no directory. */
  public synchronized List<Entry> list(String ref, String dir) {
    String prefix = strip(dir).isEmpty() ? "" : strip(dir) + "/";
    Map<String, byte[]> files = byRef.getOrDefault(ref, Map.of());
    TreeSet<String> dirs = new TreeSet<>();
    Map<String, byte[]> direct = new TreeMap<>();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        continue;
      }
      String rest = e.getKey().substring(prefix.length());
      int slash = rest.indexOf('/');
      if (slash < 0) {
        direct.put(e.getKey(), e.getValue());
      } else {
        dirs.add(prefix + rest.substring(0, slash));
      }
    }
    List<Entry> out = new ArrayList<>();
    dirs.forEach(d -> out.add(new Entry(d, true, new byte[0])));
    direct.forEach((p, c) -> out.add(new Entry(p, false, c.clone())));
    return List.copyOf(out);
  }

  private static String strip(String path) {
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
