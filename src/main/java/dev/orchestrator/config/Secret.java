package dev.orchestrator.config;

import java.util.Objects;

/**
 * A value that must never be printed. {@link #toString()} is always {@code ***}, so a secret that
 * slips into a log line, an exception message or a record's {@code toString} stays hidden.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "secret value");
  }

  /** Wraps a raw value. */
  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The raw value; call only where it is sent to its one legitimate destination. */
  public String reveal() {
    return value;
  }

  /** True when the value is empty. */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return "***";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && java.security.MessageDigest.isEqual(bytes(), s.bytes());
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  private byte[] bytes() {
    return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
