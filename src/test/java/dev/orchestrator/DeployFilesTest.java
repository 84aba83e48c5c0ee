package dev.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.orchestrator.cli.AgentCommand;
import dev.orchestrator.config.Durations;
import dev.orchestrator.config.Settings;
import dev.orchestrator.mission.CronSchedule;
import dev.orchestrator.testing.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The deploy files and the GitHub Actions workflow: every YAML parses, each stop timeout is longer
 * than the shutdown grace, Kubernetes runs one replica with Recreate and the right probes, the
 * workflow runs hourly, and every {@code agent} command they contain is one the CLI accepts.
 */
class DeployFilesTest {
  private static final Path DEPLOY = Path.of("deploy");
  private static final Path WORKFLOW = Path.of(".github/workflows/agent-continuous.yml");
  private static final YAMLMapper YAML = new YAMLMapper();

  private static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
  }

  private static Map<String, JsonNode> kubernetes() throws IOException {
    Map<String, JsonNode> byKind = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
      for (Path f : files.sorted().toList()) {
        for (JsonNode doc : documents(f)) {
          byKind.put(doc.path("kind").asText(), doc);
        }
      }
    }
    return byKind;
  }

  /** SHUTDOWN_GRACE as a file sets it, else the default the server uses. */
  private static Duration grace(String written) {
    return written == null || written.isEmpty()
        ? Settings.Server.DEFAULT_SHUTDOWN_GRACE
        : Durations.parse(written).orElseThrow();
  }

  /** Checks that picocli accepts {@code args} as an {@code agent} command line. */
  private static void acceptedByTheCli(String where, List<String> args) {
    CommandLine cl = AgentCommand.commandLine(new AppFactory(Map.of(), TestClock.fixed()));
    try {
      CommandLine.ParseResult parsed = cl.parseArgs(args.toArray(String[]::new));
      assertThat(parsed.hasSubcommand()).as(where + ": " + args).isTrue();
    } catch (CommandLine.ParameterException e) {
      throw new AssertionError(where + ": the CLI refuses " + args + ": " + e.getMessage(), e);
    }
  }

  @Test
  void everyYamlFileParses() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(DEPLOY, Path.of(".github/workflows"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(f -> f.toString().matches(".*\\.ya?ml")).forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(7);
    for (Path f : files) {
      assertThat(documents(f)).as(f.toString()).isNotEmpty().allMatch(JsonNode::isObject);
    }
  }

  @Test
  void kubernetesRunsOneReplicaRecreatedWithProbesAndALongerGrace() throws IOException {
    Map<String, JsonNode> k = kubernetes();
    assertThat(k.keySet())
        .contains("Deployment", "Service", "Secret", "PersistentVolumeClaim", "Kustomization");
    JsonNode deployment = k.get("Deployment").path("spec");
    assertThat(deployment.path("replicas").asInt()).isEqualTo(1);
    assertThat(deployment.path("strategy").path("type").asText()).isEqualTo("Recreate");
    JsonNode pod = deployment.path("template").path("spec");
    JsonNode container = pod.path("containers").get(0);
    Map<String, String> env = new LinkedHashMap<>();
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    assertThat(Duration.ofSeconds(pod.path("terminationGracePeriodSeconds").asLong()))
        .isGreaterThan(grace(env.get("SHUTDOWN_GRACE")));
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    String port = container.at("/ports/0/name").asText();
    assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo(port);
    assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo(port);
    assertThat(container.at("/ports/0/containerPort").asInt())
        .isEqualTo(Settings.Server.DEFAULT_PORT);
    acceptedByTheCli("deployment args", textList(container.path("args")));

    // the database on the claimed volume, the Secret's keys present, the Service on the pod
    assertThat(env.get("DATABASE_URL")).startsWith("jdbc:sqlite:/data/");
    assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).contains("/data");
    assertThat(pod.path("volumes").findValuesAsText("claimName"))
        .containsExactly(k.get("PersistentVolumeClaim").at("/metadata/name").asText());
    JsonNode secret = k.get("Secret");
    for (JsonNode ref : container.path("env").findValues("secretKeyRef")) {
      assertThat(ref.path("name").asText()).isEqualTo(secret.at("/metadata/name").asText());
      assertThat(secret.path("stringData").has(ref.path("key").asText())).isTrue();
    }
    JsonNode labels = deployment.at("/template/metadata/labels");
    k.get("Service")
        .at("/spec/selector")
        .properties()
        .forEach(e -> assertThat(labels.path(e.getKey())).isEqualTo(e.getValue()));
    for (JsonNode r : k.get("Kustomization").path("resources")) {
      assertThat(DEPLOY.resolve("kubernetes").resolve(r.asText())).exists();
    }
  }

  @Test
  void composeStopsLaterThanTheGraceAndKeepsTheDatabaseOnAVolume() throws IOException {
    JsonNode agent = documents(DEPLOY.resolve("docker-compose.yml")).get(0).at("/services/agent");
    Duration grace = grace(agent.at("/environment/SHUTDOWN_GRACE").asText(null));
    assertThat(Durations.parse(agent.path("stop_grace_period").asText()).orElseThrow())
        .isGreaterThan(grace);
    assertThat(agent.at("/environment/DATABASE_URL").asText()).startsWith("jdbc:sqlite:/data/");
    assertThat(textList(agent.path("volumes"))).anyMatch(v -> v.endsWith(":/data"));
    acceptedByTheCli("compose command", textList(agent.path("command")));
  }

  @Test
  void theSystemdUnitRestartsOnFailureAndStopsLaterThanTheGrace() throws Exception {
    Path unit = DEPLOY.resolve("systemd/agent-orchestrator.service");
    Map<String, List<String>> keys = new LinkedHashMap<>();
    for (String line : Files.readAllLines(unit)) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0) {
        keys.computeIfAbsent(line.substring(0, eq), x -> new ArrayList<>())
            .add(line.substring(eq + 1));
      }
    }
    assertThat(keys.get("Restart")).containsExactly("on-failure");
    String graceSet =
        keys.get("Environment").stream()
            .filter(e -> e.startsWith("SHUTDOWN_GRACE="))
            .map(e -> e.substring("SHUTDOWN_GRACE=".length()))
            .findFirst()
            .orElse(null);
    assertThat(Durations.parse(keys.get("TimeoutStopSec").get(0)).orElseThrow())
        .isGreaterThan(grace(graceSet));
    List<String> exec = Arrays.asList(keys.get("ExecStart").get(0).split(" "));
    acceptedByTheCli("ExecStart", exec.subList(exec.indexOf("-jar") + 2, exec.size()));

    Path analyze = Path.of("/usr/bin/systemd-analyze");
    Assumptions.assumeTrue(
        Files.isExecutable(analyze), "systemd-analyze is not installed here: unit not verified");
    Process p =
        new ProcessBuilder(analyze.toString(), "verify", unit.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).as("systemd-analyze verify").isEmpty();
  }

  @Test
  void theDockerfileBuildsWithMavenAndRunsAsANonRootUserWithAHealthcheck() throws IOException {
    String file = Files.readString(DEPLOY.resolve("Dockerfile"));
    List<String> lines = file.lines().map(String::strip).toList();
    assertThat(lines).filteredOn(l -> l.startsWith("FROM ")).hasSize(2);
    assertThat(lines).anyMatch(l -> l.startsWith("RUN ./mvnw") && l.contains("package"));
    assertThat(lines).anyMatch(l -> l.matches("COPY --from=build .*agent\\.jar .*"));
    assertThat(lines)
        .filteredOn(l -> l.startsWith("USER "))
        .singleElement()
        .isNotEqualTo("USER root");
    assertThat(lines).contains("VOLUME [\"/data\"]");
    assertThat(file).contains("DATABASE_URL=jdbc:sqlite:/data/");
    assertThat(file)
        .containsPattern(
            "HEALTHCHECK [^\\n]*\\\\\\n\\s+CMD curl -fsS \"http://127.0.0.1:\\$\\{PORT\\}/healthz\"");
    acceptedByTheCli("CMD", List.of("serve"));
    assertThat(lines).contains("CMD [\"serve\"]");
  }

  @Test
  void theWorkflowRunsHourlyAndOnDemandWithCommandsTheCliAccepts() throws IOException {
    JsonNode wf = documents(WORKFLOW).get(0);
    JsonNode on = wf.path("on");
    assertThat(on.has("workflow_dispatch")).isTrue();
    String cron = on.at("/schedule/0/cron").asText();
    CronSchedule schedule = ((CronSchedule.Parsed.Ok) CronSchedule.parse(cron)).schedule();
    var t = Instant.parse("2026-11-27T10:17:00Z").atZone(ZoneOffset.UTC);
    var next = schedule.nextAfter(t).orElseThrow();
    assertThat(Duration.between(next, schedule.nextAfter(next).orElseThrow()))
        .as("hourly")
        .isEqualTo(Duration.ofHours(1));

    JsonNode job = wf.path("jobs").path("run-due");
    assertThat(job.at("/env/GITHUB_TOKEN").asText()).isEqualTo("${{ secrets.GITHUB_TOKEN }}");
    String dbDir =
        Path.of(job.at("/env/DATABASE_URL").asText().substring("jdbc:sqlite:".length()))
            .getParent()
            .getFileName()
            .toString();
    Map<String, JsonNode> uses = new LinkedHashMap<>();
    List<String> scripts = new ArrayList<>();
    for (JsonNode step : job.path("steps")) {
      if (step.has("uses")) {
        uses.put(step.path("uses").asText().replaceAll("@.*", ""), step);
      }
      if (step.has("run")) {
        scripts.add(step.path("run").asText());
      }
    }
    assertThat(uses.get("actions/setup-java").at("/with/java-version").asText()).isEqualTo("17");
    assertThat(uses.get("actions/cache/restore").at("/with/path").asText()).isEqualTo(dbDir);
    assertThat(uses.get("actions/cache/save").at("/with/path").asText()).isEqualTo(dbDir);
    assertThat(uses).containsKey("actions/upload-artifact");
    String all = String.join("\n", scripts);
    assertThat(all).contains("bin/agent run-due").contains("$GITHUB_STEP_SUMMARY");

    int commands = 0;
    for (String line : all.lines().toList()) {
      int at = line.indexOf("bin/agent ");
      if (at < 0) {
        continue;
      }
      String command = line.substring(at + "bin/agent ".length()).split("[|>;&]")[0].strip();
      acceptedByTheCli("workflow", List.of(command.split("\\s+")));
      commands++;
    }
    assertThat(commands).isGreaterThanOrEqualTo(3); // run-due, backup, status
  }

  private static List<String> textList(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }
}
