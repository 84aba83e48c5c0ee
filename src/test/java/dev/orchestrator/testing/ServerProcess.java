package dev.orchestrator.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code agent serve} in a separate JVM (the real main class), for crash and signal tests. */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

  private final Process process;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final CompletableFuture<Integer> port = new CompletableFuture<>();

  private ServerProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readOutput, "server-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code agent serve} in {@code dir} with exactly {@code env} (plus PATH and HOME). */
  public static ServerProcess start(Path dir, Map<String, String> env) throws IOException {
    return start(dir, env, List.of());
  }

  /** The same, with options for the JVM (e.g. {@code @deploy/jvm.options}). */
  public static ServerProcess start(Path dir, Map<String, String> env, List<String> jvmOptions)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "dev.orchestrator.Main", "serve"));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    pb.environment().putAll(env);
    ServerProcess sp = new ServerProcess(pb.start());
    sp.awaitPort();
    return sp;
  }

  private void readOutput() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          port.complete(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      // the process is gone
    } finally {
      port.completeExceptionally(new IllegalStateException("server exited: " + output()));
    }
  }

  private void awaitPort() {
    try {
      port.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new AssertionError("server did not start: " + output(), e);
    }
  }

  public int port() {
    return port.join();
  }

  /**
   * The port of the {@code n}th "listening on" line (1-based), waiting for it: {@code serve} starts
   * the server again after setup.
   */
  public int awaitListening(int n) {
    Await.until(
        "listening line " + n + " in: " + output(),
        Duration.ofSeconds(30),
        () -> listening().size() >= n);
    return listening().get(n - 1);
  }

  private List<Integer> listening() {
    List<Integer> ports = new ArrayList<>();
    synchronized (lines) {
      for (String line : lines) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          ports.add(Integer.parseInt(m.group(1)));
        }
      }
    }
    return ports;
  }

  /** Everything the server printed so far. */
  public String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook runs. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM, then the exit code. */
  public int terminate(Duration wait) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("server did not stop within " + wait + ": " + output());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
