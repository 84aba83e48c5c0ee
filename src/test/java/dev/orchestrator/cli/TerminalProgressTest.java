package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
  @Test
  void atATerminalOneLineIsRewrittenWhenThePercentageOrPhaseChanges() {
    StringWriter err = new StringWriter();
    TerminalProgress p = new TerminalProgress(new PrintWriter(err), true);
    p.update("backing up", 0, 200);
    p.update("backing up", 1, 200); // still 0 %: not printed again
    p.update("backing up", 100, 200);
    p.update("checking the copy", 0, 0);
    p.update("done", 0, 0);
    p.done();
    assertThat(err.toString())
        .isEqualTo(
            "\rbacking up: 0%"
                + "\rbacking up: 50%"
                + "\rchecking the copy" // longer than the line before: nothing to pad
                + "\rdone             " // padded over the remains of the longer line
                + "\r    \r"); // the last line's own width: the rest is blank already
  }

  @Test
  void elsewhereItPrintsNothing() {
    StringWriter err = new StringWriter();
    TerminalProgress p = new TerminalProgress(new PrintWriter(err), false);
    p.update("backing up", 100, 200);
    p.done();
    assertThat(err.toString()).isEmpty();
  }
}
