package dev.orchestrator.mission;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads an enum from its lowercase label, as missions write it. */
final class Labels {
  private Labels() {}

  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().toLowerCase(Locale.ROOT).equals(text))
        .findFirst();
  }

  static <E extends Enum<E>> List<String> all(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT))
        .toList();
  }
}
