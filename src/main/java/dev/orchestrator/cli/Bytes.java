package dev.orchestrator.cli;

import java.util.Locale;

/** File sizes for people: {@code 812 B}, {@code 4.0 KiB}, {@code 12.3 MiB}. */
final class Bytes {
  private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

  private Bytes() {}

  static String of(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
