package dev.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's import rule: every outside library lives behind one package. Jackson's core, slf4j
 * and the JDK's basic packages are open to all; java.sql and java.net.http are not.
 */
class ImportRuleTest {
  private static final Path MAIN = Path.of("src/main/java/dev/orchestrator");
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)(\\.\\*)?;", Pattern.MULTILINE);

  private static final List<String> OPEN_TO_ALL =
      List.of(
          "dev.orchestrator.",
          "java.lang.",
          "java.util.",
          "java.time.",
          "java.io.",
          "java.nio.",
          "java.net.URI",
          "java.net.URLEncoder",
          "java.net.URLDecoder",
          "java.math.",
          "java.security.",
          "java.text.",
          "javax.crypto.",
          "com.fasterxml.jackson.core.",
          "com.fasterxml.jackson.databind.",
          "com.fasterxml.jackson.annotation.",
          "org.slf4j.");

  /** Package → the extra prefixes it alone may import. */
  private static final Map<String, List<String>> EXTRA =
      Map.ofEntries(
          Map.entry("config", List.of()),
          Map.entry("cli", List.of("picocli.", "java.net.http.", "java.net.")),
          Map.entry(
              "server",
              List.of(
                  "io.javalin.",
                  "io.micrometer.",
                  "io.prometheus.",
                  "java.net.",
                  "jakarta.servlet.",
                  "org.eclipse.jetty.")),
          Map.entry("webhook", List.of()),
          Map.entry("command", List.of()),
          Map.entry("mission", List.of("com.fasterxml.jackson.dataformat.yaml.", "com.cronutils.")),
          Map.entry("tool", List.of("com.networknt.")),
          Map.entry("planner", List.of("java.net.http.", "java.net.", "io.github.resilience4j.")),
          Map.entry("runtime", List.of()),
          Map.entry("queue", List.of()),
          Map.entry("schedule", List.of()),
          Map.entry(
              "github",
              List.of(
                  "org.kohsuke.",
                  "io.jsonwebtoken.",
                  "io.github.resilience4j.",
                  "java.net.http.",
                  "java.net.",
                  "javax.net.")),
          Map.entry("store", List.of("java.sql.", "org.sqlite.")),
          Map.entry("health", List.of()),
          Map.entry("report", List.of()),
          Map.entry("dispatch", List.of()),
          Map.entry("feedback", List.of()),
          Map.entry("doctor", List.of()),
          // reads app-manifest.yml; the manifest is GitHub's format, not a mission
          Map.entry("setup", List.of("com.fasterxml.jackson.dataformat.yaml.")));

  @Test
  void everyOutsideLibraryLivesBehindOnePackage() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path rel = MAIN.relativize(file);
        if (rel.getNameCount() == 1) {
          continue; // the composition root may import everything
        }
        String pkg = rel.getName(0).toString();
        List<String> extra = EXTRA.get(pkg);
        if (extra == null) {
          violations.add(
              rel + ": package \"" + pkg + "\" has no import rule; add it to DESIGN's table");
          continue;
        }
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          String imported = m.group(2);
          if (m.group(3) != null) {
            violations.add(rel + ": wildcard import \"" + imported + ".*\"");
          }
          boolean ok =
              Stream.concat(OPEN_TO_ALL.stream(), extra.stream()).anyMatch(imported::startsWith);
          if (!ok) {
            violations.add(
                rel + ": imports \"" + imported + "\", which belongs to another package");
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyPackageSaysWhatItOwns() throws IOException {
    try (Stream<Path> dirs = Files.list(MAIN)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        assertThat(dir.resolve("package-info.java")).as("package-info of " + dir).exists();
      }
    }
  }
}
