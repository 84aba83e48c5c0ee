package dev.orchestrator.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * {@code <database>.lock}, held while {@code serve} runs, so other commands (restore, for one) know
 * a server is using the database. The OS releases it when the process dies, even by {@code kill
 * -9}, so a stale file never blocks a restart.
 */
public final class ServerLock implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private ServerLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file beside {@code database}. */
  public static Path lockFile(Path database) {
    return database.resolveSibling(database.getFileName() + ".lock");
  }

  /** Takes the lock or throws saying that another server holds it. */
  public static ServerLock acquire(Path database) {
    Path file = lockFile(database);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent()); // taken before the database creates it
      }
      FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        ch.close();
        throw new StoreException(
            "another `agent serve` is using \""
                + database
                + "\" (it holds \""
                + file
                + "\"); stop it first");
      }
      ch.truncate(0);
      ch.write(
          java.nio.ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
      return new ServerLock(file, ch, l);
    } catch (IOException e) {
      throw new StoreException("taking the server lock \"" + file + "\": " + e.getMessage(), e);
    }
  }

  /** True when a running server holds the lock for {@code database}. */
  public static boolean isHeld(Path database) {
    Path file = lockFile(database);
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock l = ch.tryLock();
      if (l == null) {
        return true;
      }
      l.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true; // held by this very process
    } catch (IOException e) {
      return false;
    }
  }

  /** The process id the holder wrote into the lock file, if it can be read. */
  public static OptionalLong holderPid(Path database) {
    try {
      String text = Files.readString(lockFile(database), StandardCharsets.UTF_8).strip();
      return text.matches("\\d{1,19}")
          ? OptionalLong.of(Long.parseLong(text))
          : OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the OS drops the lock with the process anyway
    }
  }
}
