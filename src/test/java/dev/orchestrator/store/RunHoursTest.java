package dev.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orchestrator.health.RunGroup;
import dev.orchestrator.health.RunStats;
import dev.orchestrator.runtime.RunStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run_hours} is kept by triggers on {@code runs}: after any mix of inserts, transitions,
 * edits and deletes it holds exactly what grouping {@code runs} by hour gives, and the status
 * window read through it equals the window read from {@code runs} alone, for windows of every
 * shape.
 */
class RunHoursTest {
  private static final Instant START = Instant.parse("2026-03-10T00:00:00Z");
  private static final Duration SPAN = Duration.ofDays(3);
  private static final String[] MISSIONS = {"triage", "review", "summary"};
  private static final String[] MODELS = {null, "gpt-4o", "small"};
  private static final RunStatus[] DONE = {
    RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.EXPIRED
  };

  /** The window as it was read before run_hours: one GROUP BY over the runs in it. */
  private static final String DIRECT =
      "SELECT mission, status, dry_run, COUNT(*), COUNT(duration), COALESCE(SUM(duration), 0),"
          + " SUM(token_usage), SUM(cost_usd), COALESCE(model, '')"
          + " FROM runs WHERE finished_at >= ? AND finished_at <= ?"
          + " GROUP BY mission, status, dry_run, COALESCE(model, '')";

  /** What run_hours must hold: runs grouped by hour, as the migration fills it. */
  private static final String REGROUPED =
      "SELECT substr(finished_at, 1, 13), mission, status, dry_run, COALESCE(model, ''), COUNT(*),"
          + " COUNT(duration), COALESCE(SUM(duration), 0), SUM(token_usage), SUM(cost_usd)"
          + " FROM runs WHERE finished_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5";

  private static final String KEPT =
      "SELECT hour, mission, status, dry_run, model, runs, timed, duration, tokens, cost_usd"
          + " FROM run_hours ORDER BY 1, 2, 3, 4, 5";

  @TempDir Path dir;
  private Database db;
  private final Random random = new Random(15);

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("hours.db"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void holdsWhatRunsSayAfterInsertsTransitionsEditsAndDeletes() {
    for (int round = 0; round < 8; round++) {
      db.write(
          c -> {
            for (int i = 0; i < 60; i++) {
              insert(c);
            }
            for (int i = 0; i < 40; i++) {
              change(c);
            }
            return null;
          });
      assertThat(rows(KEPT)).as("round " + round).isEqualTo(rows(REGROUPED));
    }
    // a rolled-back write leaves no trace in either
    List<List<Object>> before = rows(KEPT);
    try {
      db.write(
          c -> {
            insert(c);
            change(c);
            throw new SQLException("on purpose");
          });
    } catch (StoreException expected) {
      // the write was rolled back
    }
    assertThat(rows(KEPT)).isEqualTo(before).isEqualTo(rows(REGROUPED));
  }

  @Test
  void theWindowReadThroughItEqualsTheWindowReadFromRuns() {
    db.write(
        c -> {
          for (int i = 0; i < 400; i++) {
            insert(c);
          }
          for (int i = 0; i < 100; i++) {
            change(c);
          }
          return null;
        });
    SqliteRunStats stats = new SqliteRunStats(db);
    List<Instant[]> windows = new ArrayList<>();
    Instant hour = START.plus(Duration.ofHours(30));
    windows.add(new Instant[] {START, START.plus(SPAN)}); // everything, on hour boundaries
    windows.add(new Instant[] {hour, hour.plus(Duration.ofHours(5))}); // whole hours only
    windows.add(
        new Instant[] {hour.plusMillis(1), hour.plus(Duration.ofMinutes(59))}); // inside one
    windows.add(new Instant[] {hour.minusMillis(1), hour.plusMillis(1)}); // across one boundary
    windows.add(new Instant[] {hour, hour}); // a single instant
    for (int i = 0; i < 60; i++) {
      Instant from = START.plusMillis((long) (random.nextDouble() * SPAN.toMillis()));
      long length = (long) (random.nextDouble() * Duration.ofHours(i % 2 == 0 ? 2 : 40).toMillis());
      windows.add(new Instant[] {from, from.plusMillis(length)});
    }
    for (Instant[] w : windows) {
      RunStats read = stats.finishedBetween(w[0], w[1]);
      assertSameGroups(byKey(read.groups()), direct(w[0], w[1]), w[0] + " .. " + w[1]);
    }
  }

  private void insert(Connection c) throws SQLException {
    Instant created = START.plusMillis((long) (random.nextDouble() * SPAN.toMillis()));
    boolean finished = random.nextInt(4) > 0;
    RunStatus status =
        finished ? DONE[random.nextInt(DONE.length)] : RunStatus.values()[random.nextInt(3)];
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO runs(mission, planner, trigger, status, dry_run, created_at, finished_at,"
                + " duration, token_usage, cost_usd, model, updated_at)"
                + " VALUES (?, 'deterministic', 'event', ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, MISSIONS[random.nextInt(MISSIONS.length)]);
      p.setString(2, finished ? status.name() : "QUEUED");
      p.setInt(3, random.nextInt(10) == 0 ? 1 : 0);
      p.setString(4, Timestamps.format(created));
      p.setString(
          5, finished ? Timestamps.format(created.plusSeconds(random.nextInt(7200))) : null);
      p.setObject(6, finished && random.nextBoolean() ? random.nextDouble() * 100 : null);
      p.setLong(7, random.nextInt(5000));
      p.setDouble(8, random.nextInt(3) == 0 ? 0 : random.nextDouble() / 10);
      p.setString(9, MODELS[random.nextInt(MODELS.length)]);
      p.setString(10, Timestamps.format(created));
      p.executeUpdate();
    }
  }

  /** One change to a random run: finish it, move it, edit what is summed, reopen or delete it. */
  private void change(Connection c) throws SQLException {
    long id;
    try (PreparedStatement p = c.prepareStatement("SELECT id FROM runs ORDER BY random() LIMIT 1");
        ResultSet rs = p.executeQuery()) {
      if (!rs.next()) {
        return;
      }
      id = rs.getLong(1);
    }
    Instant at = START.plusMillis((long) (random.nextDouble() * SPAN.toMillis()));
    String sql;
    List<Object> args = new ArrayList<>();
    switch (random.nextInt(7)) {
      case 0: // finished (or finished again elsewhere in time)
        sql = "UPDATE runs SET status = ?, finished_at = ?, duration = ? WHERE id = ?";
        args.add(DONE[random.nextInt(DONE.length)].name());
        args.add(Timestamps.format(at));
        args.add(random.nextDouble() * 50);
        break;
      case 1: // back to the queue, unfinished (an approved run, a lease taken back)
        sql = "UPDATE runs SET status = 'QUEUED', finished_at = NULL, duration = NULL WHERE id = ?";
        break;
      case 2:
        sql =
            "UPDATE runs SET token_usage = token_usage + 7, cost_usd = cost_usd + 0.25 WHERE id = ?";
        break;
      case 3:
        sql = "UPDATE runs SET model = ?, mission = ? WHERE id = ?";
        args.add(MODELS[random.nextInt(MODELS.length)]);
        args.add(MISSIONS[random.nextInt(MISSIONS.length)]);
        break;
      case 4: // not a summed column: the trigger does not fire, nothing changes
        sql = "UPDATE runs SET checkpoint = 'x', event = NULL, lease_owner = 'w' WHERE id = ?";
        break;
      case 5:
        sql = "UPDATE runs SET dry_run = 1 - dry_run, duration = NULL WHERE id = ?";
        break;
      default:
        sql = "DELETE FROM runs WHERE id = ?";
    }
    args.add(id);
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        p.setObject(i + 1, args.get(i));
      }
      p.executeUpdate();
    }
  }

  private List<List<Object>> rows(String sql) {
    return db.read(
        c -> {
          List<List<Object>> out = new ArrayList<>();
          try (PreparedStatement p = c.prepareStatement(sql);
              ResultSet rs = p.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              List<Object> row = new ArrayList<>();
              for (int i = 1; i <= n; i++) {
                Object v = rs.getObject(i);
                // sums of reals differ in the last bits with the order they were added in, and
                // SQLite's COALESCE(SUM(NULL), 0) is the integer 0 where the table holds 0.0
                row.add(v instanceof Number x ? Math.round(x.doubleValue() * 1e6) / 1e6 : v);
              }
              out.add(row);
            }
          }
          return out;
        });
  }

  private Map<String, RunGroup> direct(Instant from, Instant to) {
    return db.read(
        c -> {
          List<RunGroup> out = new ArrayList<>();
          try (PreparedStatement p = c.prepareStatement(DIRECT)) {
            p.setString(1, Timestamps.format(from));
            p.setString(2, Timestamps.format(to));
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new RunGroup(
                        rs.getString(1),
                        RunStatus.valueOf(rs.getString(2)),
                        rs.getInt(3) != 0,
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getDouble(6),
                        rs.getLong(7),
                        rs.getDouble(8),
                        rs.getString(9)));
              }
            }
          }
          return byKey(out);
        });
  }

  private static Map<String, RunGroup> byKey(List<RunGroup> groups) {
    Map<String, RunGroup> out = new TreeMap<>();
    for (RunGroup g : groups) {
      assertThat(out.put(g.mission() + "/" + g.status() + "/" + g.dryRun() + "/" + g.model(), g))
          .as("one row per group")
          .isNull();
    }
    return out;
  }

  private static void assertSameGroups(
      Map<String, RunGroup> read, Map<String, RunGroup> expected, String window) {
    assertThat(read.keySet()).as(window).isEqualTo(expected.keySet());
    for (Map.Entry<String, RunGroup> e : expected.entrySet()) {
      RunGroup got = read.get(e.getKey());
      RunGroup want = e.getValue();
      String what = window + " " + e.getKey();
      assertThat(got.runs()).as(what).isEqualTo(want.runs());
      assertThat(got.durationCount()).as(what).isEqualTo(want.durationCount());
      assertThat(got.tokenUsage()).as(what).isEqualTo(want.tokenUsage());
      assertThat(got.durationSumSeconds())
          .as(what)
          .isCloseTo(want.durationSumSeconds(), within(1e-6));
      assertThat(got.costUsd()).as(what).isCloseTo(want.costUsd(), within(1e-9));
    }
  }
}
