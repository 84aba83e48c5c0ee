import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.App;
import dev.orchestrator.AppFactory;
import dev.orchestrator.LocalRun;
import dev.orchestrator.fakegithub.FakeGitHub;
import dev.orchestrator.fakegithub.state.FakeRepo;
import dev.orchestrator.fakegithub.state.IssueSeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Mission overhead per deterministic step against FakeGitHub (issue 15): what the runtime adds to
 * each step (planner, safety validator, templating, tool, transcript and run-store writes) beyond
 * the GitHub request the step makes.
 *
 * <p>Runs a deterministic mission of {@code STEPS} {@code get_issue} steps through the product's
 * own {@code agent run} path ({@link LocalRun}) in token mode against FakeGitHub on loopback, with
 * a real SQLite file; then times the same GET with a bare {@link HttpClient} against the same fake.
 * Reads only: GitHub's own rule of a second between writes, which the governor keeps, would drown
 * what is measured. Prints medians of per-step times and the overhead.
 *
 * <p>Run with {@code bench/mission-overhead.sh} (it builds the test classpath).
 */
public final class MissionOverhead {
  private static final int STEPS = 20;
  private static final int WARMUP_RUNS = 40;
  private static final int RUNS = 60;

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("mission-overhead");
    try (FakeGitHub github = FakeGitHub.start()) {
      FakeRepo repo = github.repo("octo", "widgets");
      int number = repo.add(IssueSeed.issue("Crash on start")).number();
      String token = github.personalAccessToken("bench");
      Path mission = work.resolve("reads.yml");
      Files.writeString(mission, mission(STEPS));
      Path single = work.resolve("read.yml");
      Files.writeString(single, mission(1));
      Map<String, String> env =
          Map.of(
              "GITHUB_TOKEN", token,
              "GITHUB_API_URL", github.apiUrl(),
              "DATABASE_URL", "jdbc:sqlite:" + work.resolve("overhead.db"),
              "MISSIONS_DIR", work.resolve("missions").toString());
      JsonNode event =
          new ObjectMapper()
              .readTree(
                  "{\"issue\":{\"number\":"
                      + number
                      + "},\"repository\":{\"full_name\":\"octo/widgets\"}}");
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest get =
          HttpRequest.newBuilder(URI.create(github.apiUrl() + "/repos/octo/widgets/issues/" + number))
              // another user's token: each has its own 5,000 requests an hour at the fake
              .header("Authorization", "Bearer " + github.personalAccessToken("bench-bare"))
              .header("Accept", "application/vnd.github+json")
              .header("X-GitHub-Api-Version", "2022-11-28")
              .build();
      List<Double> requestMicros = new ArrayList<>();
      List<Double> longRuns = new ArrayList<>();
      List<Double> shortRuns = new ArrayList<>();
      try (App app = new AppFactory(env, Clock.systemUTC(), work.resolve(".env")).open()) {
        LocalRun local = new LocalRun(app);
        for (int i = 0; i < WARMUP_RUNS + RUNS; i++) {
          // interleaved, so the runs and the bare requests meet the same warmed-up fake and load
          double manySteps = timed(local, mission, event);
          double oneStep = timed(local, single, event);
          List<Double> requests = new ArrayList<>();
          for (int k = 0; k < STEPS; k++) {
            requests.add(timed(http, get));
          }
          if (i >= WARMUP_RUNS) {
            longRuns.add(manySteps);
            shortRuns.add(oneStep);
            requestMicros.addAll(requests);
          }
        }
      }
      double many = median(longRuns);
      double one = median(shortRuns);
      double step = (many - one) / (STEPS - 1); // what one more step costs
      double fixed = one - step; // what a run costs besides its steps
      double request = median(requestMicros);
      System.out.printf(
          "mission of %d get_issue steps, %d runs after %d warm-up runs (agent run path, token"
              + " mode, FakeGitHub on loopback, SQLite file)%n",
          STEPS, RUNS, WARMUP_RUNS);
      System.out.printf(
          "run of %d steps: %.1f ms, run of 1 step: %.1f ms (medians)%n", STEPS, many / 1000, one / 1000);
      System.out.printf("per step ((long - short) / %d):     %8.0f µs%n", STEPS - 1, step);
      System.out.printf("per run besides its steps:          %8.0f µs (create, finish, transcript, breaker: each a commit)%n", fixed);
      System.out.printf("the same GET alone (median of %d):  %8.0f µs%n", requestMicros.size(), request);
      System.out.printf("overhead per step:                  %8.0f µs (%.1fx the request)%n", step - request, step / request);
    }
  }

  /** One bare GET, in µs; it must be answered 200. */
  private static double timed(HttpClient http, HttpRequest get) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
    long took = System.nanoTime() - start;
    if (r.statusCode() != 200) {
      throw new IllegalStateException("FakeGitHub answered " + r.statusCode());
    }
    return took / 1000.0;
  }

  /** One run of {@code mission}, in µs; it must succeed. */
  private static double timed(LocalRun local, Path mission, JsonNode event) {
    long start = System.nanoTime();
    LocalRun.Result r = local.run(mission, event, Map.of(), false);
    long took = System.nanoTime() - start;
    if (!(r instanceof LocalRun.Result.Ran ran) || !ran.run().status().name().equals("SUCCEEDED")) {
      throw new IllegalStateException("the mission did not succeed: " + r);
    }
    return took / 1000.0;
  }

  private static String mission(int steps) {
    StringBuilder b =
        new StringBuilder(
            "name: overhead-reads\n"
                + "description: reads one issue again and again\n"
                + "goal: measure the runtime's cost per step\n"
                + "planner: deterministic\n"
                + "max_steps: "
                + steps
                + "\n"
                + "allowed_tools: [get_issue]\n"
                + "steps:\n");
    for (int i = 0; i < steps; i++) {
      b.append("  - tool: get_issue\n    args: { number: \"${event.issue.number}\" }\n");
    }
    return b.toString();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
