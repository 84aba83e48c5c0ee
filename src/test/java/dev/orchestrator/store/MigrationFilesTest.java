package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A migration's version is its position in {@link Migrations#FILES}; its file name must say the
 * same, and every file on disk must be listed, so a merge cannot reorder or drop one silently.
 */
class MigrationFilesTest {
  @Test
  void eachFileIsNamedForItsPositionAndEveryFileIsListed() throws IOException {
    for (int i = 0; i < Migrations.FILES.size(); i++) {
      assertThat(Migrations.FILES.get(i)).startsWith("V" + (i + 1) + "__").endsWith(".sql");
    }
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactlyInAnyOrderElementsOf(Migrations.FILES);
    }
  }
}
