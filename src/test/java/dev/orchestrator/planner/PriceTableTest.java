package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {
  @TempDir Path dir;

  private static PriceTable ok(PriceTable.Loaded l) {
    assertThat(l).isInstanceOf(PriceTable.Loaded.Ok.class);
    return ((PriceTable.Loaded.Ok) l).table();
  }

  private static String problem(String json) {
    PriceTable.Loaded l = PriceTable.parse(json, "t.json");
    assertThat(l).isInstanceOf(PriceTable.Loaded.Invalid.class);
    return ((PriceTable.Loaded.Invalid) l).problem();
  }

  @Test
  void theShippedTableIsDatedAndPricesCommonModels() {
    PriceTable t = ok(PriceTable.shipped());
    assertThat(t.date()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(t.priceOf("gpt-4o-mini").inputPerMillion()).isEqualByComparingTo("0.15");
    assertThat(t.priceOf("gpt-4o-mini").outputPerMillion()).isEqualByComparingTo("0.60");
  }

  @Test
  void aDatedSnapshotPaysItsModelsPriceAndAnUnknownModelTheDefault() {
    PriceTable t = ok(PriceTable.parse(LlmHarness.PRICES, "t.json"));
    assertThat(t.priceOf("gpt-4o-mini-2024-07-18")).isEqualTo(t.priceOf("gpt-4o-mini"));
    assertThat(t.priceOf("llama3.1:8b").inputPerMillion()).isEqualByComparingTo("10");
    assertThat(t.priceOf("llama3.1:8b").outputPerMillion()).isEqualByComparingTo("30");
  }

  @Test
  void costsAreExact() {
    PriceTable.Price p = new PriceTable.Price(new BigDecimal("0.15"), new BigDecimal("0.60"));
    // 1,234,567 × 0.15 + 7 × 0.60 = 185,189.25 micro-dollars
    assertThat(p.cost(1_234_567, 7)).isEqualByComparingTo("0.18518925");
    assertThat(p.cost(0, 0)).isEqualByComparingTo("0");
  }

  @Test
  void aFileReplacesTheShippedTable() throws Exception {
    Path f = Files.writeString(dir.resolve("prices.json"), LlmHarness.PRICES);
    assertThat(ok(PriceTable.file(f)).date()).isEqualTo("2026-03-21");
    assertThat(((PriceTable.Loaded.Invalid) PriceTable.file(dir.resolve("none.json"))).problem())
        .startsWith("LLM_PRICES: reading ");
  }

  @Test
  void badTablesSayWhatIsWrong() {
    assertThat(problem("nope")).startsWith("price table \"t.json\": not JSON");
    assertThat(problem("{\"models\": {}, \"default\": {\"input\": 1, \"output\": 1}}"))
        .contains("\"date\"");
    assertThat(
            problem(
                "{\"date\": \"2026-01-01\", \"models\": {\"m\": {\"input\": -1, \"output\": 1}},"
                    + " \"default\": {\"input\": 1, \"output\": 1}}"))
        .contains("\"models.m\"");
    assertThat(problem("{\"date\": \"2026-01-01\", \"models\": {}}")).contains("\"default\"");
  }
}
