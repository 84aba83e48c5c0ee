package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.AppFactory;
import dev.orchestrator.testing.TestClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line {@code Main} builds for its arguments holds only the subcommand they name, and
 * answers every command line exactly as the one with all subcommands does.
 */
class OneSubcommandTest {
  private static final AppFactory FACTORY = new AppFactory(Map.of(), TestClock.fixed());

  private static List<String> names() {
    return new ArrayList<>(AgentCommand.commandLine(FACTORY).getSubcommands().keySet());
  }

  @Test
  void aNamedSubcommandIsTheOnlyOneAdded() {
    List<String> names = names();
    assertThat(names).contains("serve", "status", "history", "breaker", "prune", "help");
    for (String name : names) {
      if (name.equals("help")) {
        continue;
      }
      CommandLine cl = AgentCommand.commandLine(FACTORY, name, "--help");
      // picocli's built-in help command comes with the top-level command itself
      assertThat(cl.getSubcommands().keySet()).as(name).containsExactlyInAnyOrder(name, "help");
    }
  }

  @Test
  void withoutANamedSubcommandEveryOneIsAdded() {
    List<String> names = names();
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"--help"},
            new String[] {"help", "status"},
            new String[] {"statsu"},
            new String[] {"-V"})) {
      assertThat(AgentCommand.commandLine(FACTORY, args).getSubcommands().keySet())
          .as(String.join(" ", args))
          .containsExactlyElementsOf(names);
    }
  }

  @Test
  void answersAsTheFullCommandLine() {
    List<String[]> lines = new ArrayList<>();
    for (String name : names()) {
      lines.add(new String[] {name, "--help"});
      lines.add(new String[] {name, "--no-such-option"});
    }
    lines.add(new String[] {"breaker", "reset", "--help"});
    lines.add(new String[] {"breaker", "rest"});
    lines.add(new String[] {"status", "--lookback-hours", "0"});
    lines.add(new String[] {"history", "--format", "xml"});
    lines.add(new String[] {"statsu"});
    lines.add(new String[] {"help", "history"});
    lines.add(new String[] {});
    for (String[] args : lines) {
      assertThat(answer(AgentCommand.commandLine(FACTORY, args), args))
          .as(String.join(" ", args))
          .isEqualTo(answer(AgentCommand.commandLine(FACTORY), args));
    }
  }

  private static String answer(CommandLine cl, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return exit + "\n" + out + "\n" + err;
  }
}
