package dev.orchestrator.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body under our own cap (Javalin's default limit is 1 MB; GitHub sends up to 25
 * MB). An oversized body is drained, up to a ceiling, before the 413 is written, so that the client
 * is reading when the answer comes instead of seeing its upload reset.
 */
final class BodyReader {
  /** Beyond this we stop draining and let the connection close. */
  static final long DRAIN_CEILING = 256L * 1024 * 1024;

  private BodyReader() {}

  /** The body, or null when it is larger than {@code cap} (the rest has been drained). */
  static byte[] read(InputStream in, long declaredLength, int cap) throws IOException {
    if (declaredLength > cap) {
      drain(in, 0);
      return null;
    }
    if (declaredLength >= 0) {
      // The usual case: exactly what Content-Length announced (the server holds the body to
      // it), read into one array of that size without a copy.
      return in.readNBytes((int) declaredLength);
    }
    // Chunked: no length announced, so count while reading.
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > cap) {
        drain(in, total);
        return null;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static void drain(InputStream in, long already) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long total = already;
    int n;
    while (total < DRAIN_CEILING && (n = in.read(buf)) > 0) {
      total += n;
    }
  }
}
