import dev.orchestrator.store.Database;
import dev.orchestrator.store.QueryPlans;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Prints SQLite's {@code EXPLAIN QUERY PLAN} for every status and history query (and the frequent
 * /metrics and budget ones), with the product's own SQLite and statements ({@link QueryPlans}),
 * and the median time of {@code RUNS} executions of each, every row read, in this process.
 *
 * <p>Usage: {@code java -cp target/agent.jar bench/ExplainHistory.java <file> [lookback-hours]
 * [runs]}
 */
public final class ExplainHistory {
  public static void main(String[] args) throws Exception {
    String file = args[0];
    long hours = args.length > 1 ? Long.parseLong(args[1]) : 168;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (Database db = Database.open("jdbc:sqlite:" + file)) {
      List<QueryPlans.Query> all = new ArrayList<>(QueryPlans.statusAndHistory(now, Duration.ofHours(hours)));
      all.addAll(QueryPlans.frequent(now));
      for (QueryPlans.Query q : all) {
        System.out.println("### " + q.name());
        System.out.println("    " + q.sql());
        for (String step : QueryPlans.explain(db, q)) {
          System.out.println("    plan: " + step);
        }
        List<Double> ms = new ArrayList<>();
        long rows = 0;
        for (int i = 0; i < runs; i++) {
          long start = System.nanoTime();
          rows = execute(db, q);
          ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("    rows: %d, median of %d: %.1f ms (min %.1f, max %.1f)%n%n",
            rows, runs, ms.get(ms.size() / 2), ms.get(0), ms.get(ms.size() - 1));
      }
    }
  }

  private static long execute(Database db, QueryPlans.Query q) {
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement(q.sql())) {
            for (int i = 0; i < q.parameters().size(); i++) {
              p.setObject(i + 1, q.parameters().get(i));
            }
            long n = 0;
            try (ResultSet rs = p.executeQuery()) {
              int columns = rs.getMetaData().getColumnCount();
              while (rs.next()) {
                for (int k = 1; k <= columns; k++) {
                  rs.getObject(k);
                }
                n++;
              }
            }
            return n;
          }
        });
  }
}
