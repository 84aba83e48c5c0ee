package dev.orchestrator.cli;

/** The command line's exit codes. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILED = 1; // a failed check or run
  public static final int USAGE = 2; // bad usage (picocli's default for parameter errors)

  private ExitCodes() {}
}
