package dev.orchestrator.cli;

import dev.orchestrator.store.Progress;
import java.io.PrintWriter;

/**
 * A one-line progress display on stderr for a person at a terminal: the line is rewritten in place
 * ({@code \r}) when the whole percentage or the phase changes, and ended by {@link #done()}. When
 * the command does not run at a terminal (piped, cron, systemd) it prints nothing, so logs stay
 * clean.
 */
final class TerminalProgress implements Progress {
  private final PrintWriter err;
  private final boolean interactive;
  private String phase = "";
  private long shown = -1;
  private int width;

  TerminalProgress(PrintWriter err, boolean interactive) {
    this.err = err;
    this.interactive = interactive;
  }

  /** Shows progress only when the process has a console. */
  static TerminalProgress forConsole(PrintWriter err) {
    return new TerminalProgress(err, System.console() != null);
  }

  @Override
  public void update(String phase, long done, long total) {
    if (!interactive) {
      return;
    }
    long percent = total > 0 ? Math.min(100, done * 100 / total) : -1;
    if (phase.equals(this.phase) && percent == shown) {
      return;
    }
    this.phase = phase;
    this.shown = percent;
    String line = percent >= 0 ? phase + ": " + percent + "%" : phase;
    // pad over the remains of a longer previous line
    String padded = line.length() < width ? line + " ".repeat(width - line.length()) : line;
    width = line.length();
    err.print("\r" + padded);
    err.flush();
  }

  /** Ends the progress line, so what follows starts on a fresh line. */
  void done() {
    if (interactive && width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
      width = 0;
      phase = "";
      shown = -1;
    }
  }
}
