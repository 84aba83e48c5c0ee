import dev.orchestrator.store.Database;
import dev.orchestrator.store.Timestamps;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * Fills a database with a large, realistic run history for {@code bench/history-queries.sh}: runs
 * spread evenly over a span of days ending now, across installations and missions, a share of
 * them failed, each with a small transcript and (when recent) its event payload, plus a handful
 * of active runs (QUEUED, RUNNING, BLOCKED) so the status query has something to count.
 *
 * <p>The schema comes from the product itself ({@link Database#open} applies every migration);
 * the rows go in over plain JDBC in one transaction with batched inserts and {@code
 * synchronous=OFF} on this connection only, which is what makes a million rows take minutes.
 *
 * <p>Usage: {@code java -cp target/agent.jar bench/GenerateHistory.java <file> <runs> <days>
 * <installations> <missions> <failure-percent> [seed]}
 */
public final class GenerateHistory {
  private static final int BATCH = 10_000;
  private static final String TRANSCRIPT =
      "{\"steps\":[{\"tool\":\"get_issue\",\"ok\":true},{\"tool\":\"add_labels\",\"ok\":true}],"
          + "\"pad\":\"" + "t".repeat(200) + "\"}";
  private static final String EVENT = "{\"action\":\"opened\",\"pad\":\"" + "e".repeat(300) + "\"}";

  public static void main(String[] args) throws Exception {
    if (args.length < 6) {
      System.err.println(
          "usage: GenerateHistory <file> <runs> <days> <installations> <missions>"
              + " <failure-percent> [seed]");
      System.exit(2);
    }
    String file = args[0];
    int runs = Integer.parseInt(args[1]);
    int days = Integer.parseInt(args[2]);
    int installations = Integer.parseInt(args[3]);
    int missions = Integer.parseInt(args[4]);
    double failureShare = Double.parseDouble(args[5]) / 100.0;
    long seed = args.length > 6 ? Long.parseLong(args[6]) : 15L;
    String url = "jdbc:sqlite:" + file;
    try (Database db = Database.open(url)) {
      System.err.println("schema version " + Database.latestSchemaVersion() + " in " + file);
    }
    long started = System.nanoTime();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Duration span = Duration.ofDays(days);
    SplittableRandom random = new SplittableRandom(seed);
    try (Connection c = DriverManager.getConnection(url)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA synchronous=OFF");
        s.execute("PRAGMA cache_size=-200000");
      }
      c.setAutoCommit(false);
      try (PreparedStatement run =
              c.prepareStatement(
                  "INSERT INTO runs(id, mission, planner, installation_id, repository,"
                      + " issue_number, trigger, requested_by, idempotency_key, status, priority,"
                      + " dry_run, event, created_at, started_at, finished_at, duration,"
                      + " tool_call_count, token_usage, cost_usd, model, error, error_class,"
                      + " attempts, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " ?, ?, 1, ?)");
          PreparedStatement transcript =
              c.prepareStatement(
                  "INSERT INTO transcripts(run_id, body, updated_at) VALUES (?, ?, ?)")) {
        Instant recentPayloads = now.minus(Duration.ofDays(30));
        for (int k = 0; k < runs; k++) {
          long id = k + 1;
          // oldest first, so ids grow with time as they do in life
          Instant finished = now.minus(span.multipliedBy(runs - 1 - k).dividedBy(runs));
          double seconds = 0.5 + random.nextDouble() * 30;
          Instant startedAt = finished.minusMillis((long) (seconds * 1000));
          Instant created = startedAt.minusMillis(random.nextInt(5_000));
          int mission = random.nextInt(missions);
          boolean llm = mission % 4 == 0;
          int installation = 1 + random.nextInt(installations);
          boolean failed = random.nextDouble() < failureShare;
          boolean command = random.nextInt(3) == 0;
          int i = 1;
          run.setLong(i++, id);
          run.setString(i++, "mission-" + mission);
          run.setString(i++, llm ? "llm" : "deterministic");
          run.setLong(i++, installation);
          run.setString(i++, "org-" + installation + "/repo-" + random.nextInt(5));
          run.setInt(i++, 1 + random.nextInt(2_000));
          run.setString(i++, command ? "command" : "event");
          run.setString(i++, command ? "user-" + random.nextInt(5_000) : null);
          run.setString(i++, "bench:" + id);
          run.setString(i++, failed ? "FAILED" : "SUCCEEDED");
          run.setInt(i++, random.nextInt(100) == 0 ? 1 : 0);
          run.setString(i++, finished.isAfter(recentPayloads) && !command ? EVENT : null);
          run.setString(i++, Timestamps.format(created));
          run.setString(i++, Timestamps.format(startedAt));
          run.setString(i++, Timestamps.format(finished));
          run.setDouble(i++, seconds);
          run.setInt(i++, 1 + random.nextInt(8));
          run.setLong(i++, llm ? 500 + random.nextInt(10_000) : 0);
          run.setDouble(i++, llm ? random.nextInt(5_000) / 100_000.0 : 0);
          run.setString(i++, llm ? "gpt-4o-mini" : null);
          run.setString(i++, failed ? "github answered 502 on \"add_labels\"" : null);
          run.setString(i++, failed ? "github_unavailable" : null);
          run.setString(i++, Timestamps.format(finished));
          run.addBatch();
          transcript.setLong(1, id);
          transcript.setString(2, TRANSCRIPT);
          transcript.setString(3, Timestamps.format(finished));
          transcript.addBatch();
          if (id % BATCH == 0) {
            run.executeBatch();
            transcript.executeBatch();
          }
          if (id % 100_000 == 0) {
            System.err.printf("  %,d runs%n", id);
          }
        }
        run.executeBatch();
        transcript.executeBatch();
      }
      active(c, runs, now, installations);
      c.commit();
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
    System.err.printf(
        "generated %,d runs over %d days (%d installations, %d missions) in %.1f s%n",
        runs, days, installations, missions, (System.nanoTime() - started) / 1e9);
  }

  /** A few live runs, as a busy server has: 20 queued, 5 running, 3 blocked. */
  private static void active(Connection c, int after, Instant now, int installations)
      throws Exception {
    String[] statuses = new String[28];
    java.util.Arrays.fill(statuses, 0, 20, "QUEUED");
    java.util.Arrays.fill(statuses, 20, 25, "RUNNING");
    java.util.Arrays.fill(statuses, 25, 28, "BLOCKED");
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO runs(id, mission, planner, installation_id, repository, trigger,"
                + " idempotency_key, status, created_at, started_at, lease_owner, lease_until,"
                + " updated_at) VALUES (?, 'mission-1', 'deterministic', ?, ?, 'event', ?, ?, ?,"
                + " ?, ?, ?, ?)")) {
      for (int k = 0; k < statuses.length; k++) {
        long id = after + k + 1L;
        int installation = 1 + (k * 37) % installations;
        String ts = Timestamps.format(now.minusSeconds(statuses.length - k));
        boolean running = statuses[k].equals("RUNNING");
        p.setLong(1, id);
        p.setLong(2, installation);
        p.setString(3, "org-" + installation + "/repo-0");
        p.setString(4, "bench:" + id);
        p.setString(5, statuses[k]);
        p.setString(6, ts);
        p.setString(7, statuses[k].equals("QUEUED") ? null : ts);
        p.setString(8, running ? "bench" : null);
        p.setString(9, running ? Timestamps.format(now.plusSeconds(300)) : null);
        p.setString(10, ts);
        p.addBatch();
      }
      p.executeBatch();
    }
  }
}
