package dev.orchestrator.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** GitHub's published example payloads under {@code src/test/resources/payloads/}. */
public final class Payloads {
  public static final Path DIR = Paths.get("src/test/resources/payloads");

  private Payloads() {}

  /** The bytes of {@code <name>.json}, e.g. {@code issue_comment.created}. */
  public static byte[] bytes(String name) {
    try (InputStream in = Payloads.class.getResourceAsStream("/payloads/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no payload fixture \"" + name + ".json\"");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every fixture file. */
  public static List<Path> all() {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event name of a fixture file: the part before the first dot. */
  public static String eventOf(Path fixture) {
    String name = fixture.getFileName().toString();
    return name.substring(0, name.indexOf('.'));
  }
}
