package dev.orchestrator.cli;

/** {@code 1 mission}, {@code 4 missions}. */
final class Plural {
  private Plural() {}

  static String of(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
