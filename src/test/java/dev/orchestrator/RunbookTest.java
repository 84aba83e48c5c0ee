package dev.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.cli.AgentCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code bin/agent …} line in the runbook's code blocks parses with the real command line.
 */
class RunbookTest {
  @Test
  void everyCommandInTheRunbookParses() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("docs/RUNBOOK.md"));
    List<String> commands = new ArrayList<>();
    boolean inBlock = false;
    for (String line : lines) {
      if (line.startsWith("```")) {
        inBlock = !inBlock;
        continue;
      }
      if (inBlock && line.startsWith("bin/agent ")) {
        String cmd = line.substring("bin/agent ".length());
        int comment = cmd.indexOf(" #");
        commands.add((comment >= 0 ? cmd.substring(0, comment) : cmd).strip());
      }
    }
    assertThat(commands).hasSizeGreaterThan(10);
    for (String cmd : commands) {
      CommandLine cl = AgentCommand.commandLine(new AppFactory(Map.of(), Clock.systemUTC()));
      try {
        cl.parseArgs(cmd.split("\\s+"));
      } catch (CommandLine.ParameterException e) {
        throw new AssertionError(
            "runbook command \"bin/agent " + cmd + "\" does not parse: " + e.getMessage(), e);
      }
    }
  }
}
