package dev.orchestrator.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files that hold secrets: readable and writable by the owner only (mode 600) from the
 * moment they exist, and replaced atomically, so a crash leaves the old file or the new one and
 * never half of either.
 */
public final class PrivateFiles {
  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /** Replaces {@code file} with {@code text}, mode 600. */
  public static void write(Path file, String text) {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    try {
      Files.createDirectories(dir);
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      Path tmp =
          posix
              ? Files.createTempFile(
                  dir, ".setup-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
              : Files.createTempFile(dir, ".setup-", ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      if (posix) {
        Files.setPosixFilePermissions(target, OWNER_ONLY); // the move keeps it; say it anyway
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing \"" + target + "\": " + e.getMessage(), e);
    }
  }

  /** The text of {@code file}, or empty when there is none. */
  public static String readIfExists(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("reading \"" + file + "\": " + e.getMessage(), e);
    }
  }
}
