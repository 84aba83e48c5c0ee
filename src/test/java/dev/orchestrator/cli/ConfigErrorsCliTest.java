package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that opens the application reports every configuration problem at once. */
class ConfigErrorsCliTest {
  @TempDir Path dir;

  @Test
  void allProblemsAreNamedAndTheExitCodeIsOne() {
    Cli cli = new Cli(dir);
    cli.env.put("PORT", "abc");
    cli.env.put("WORKERS", "0");
    for (String[] args :
        List.of(
            new String[] {"status"}, new String[] {"history"}, new String[] {"breaker", "reset"})) {
      Cli.Result r = cli.run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(1);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .startsWith("configuration is invalid:")
          .contains("PORT: expected an integer from 0 to 65535, found \"abc\"")
          .contains("WORKERS: expected an integer from 1 to 256, found \"0\"");
    }
    assertThat(Files.exists(cli.database)).as("no database is created").isFalse();
  }

  @Test
  void problemsInDotEnvAreReportedToo() throws Exception {
    Cli cli = new Cli(dir);
    Files.writeString(dir.resolve(".env"), "WORKERS=0\nnot a line\n");
    Cli.Result r = cli.run("status");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("WORKERS").contains(".env:2");
  }
}
