package dev.orchestrator.planner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model prices in US dollars per million tokens, from a dated table: {@code {"date": "YYYY-MM-DD",
 * "models": {"<model>": {"input": n, "output": n}}, "default": {"input": n, "output": n}}}. The
 * shipped table is {@code llm-prices.json} on the class path; {@code LLM_PRICES} names a file that
 * replaces it. A model matches its own entry, else the longest entry it extends with a dash (a
 * dated snapshot such as {@code gpt-4o-mini-2024-07-18} pays {@code gpt-4o-mini}'s price), else
 * {@code default}, with one warning per model.
 */
public final class PriceTable {
  private static final Logger LOG = LoggerFactory.getLogger(PriceTable.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  /** A model's price per million tokens. */
  public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    public Price {
      Objects.requireNonNull(inputPerMillion, "inputPerMillion");
      Objects.requireNonNull(outputPerMillion, "outputPerMillion");
    }

    /** The exact cost of {@code prompt} input and {@code completion} output tokens. */
    public BigDecimal cost(long prompt, long completion) {
      return inputPerMillion
          .multiply(BigDecimal.valueOf(prompt))
          .add(outputPerMillion.multiply(BigDecimal.valueOf(completion)))
          .divide(MILLION);
    }
  }

  /** Reading a table: the table, or what is wrong with it. */
  public sealed interface Loaded {
    record Ok(PriceTable table) implements Loaded {}

    record Invalid(String problem) implements Loaded {}
  }

  private final String date;
  private final Map<String, Price> models;
  private final Price fallback;
  private final String origin;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  private PriceTable(String date, Map<String, Price> models, Price fallback, String origin) {
    this.date = date;
    this.models = Collections.unmodifiableMap(models);
    this.fallback = fallback;
    this.origin = origin;
  }

  /** The table shipped in the jar. */
  public static Loaded shipped() {
    try (InputStream in = PriceTable.class.getResourceAsStream("/llm-prices.json")) {
      if (in == null) {
        return new Loaded.Invalid("the shipped price table llm-prices.json is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "llm-prices.json");
    } catch (IOException e) {
      return new Loaded.Invalid("reading the shipped price table: " + e.getMessage());
    }
  }

  /** The table in {@code file} ({@code LLM_PRICES}). */
  public static Loaded file(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      return new Loaded.Invalid("LLM_PRICES: reading \"" + file + "\": " + e.getMessage());
    }
  }

  /** Parses a table; {@code origin} names it in messages. */
  public static Loaded parse(String json, String origin) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return invalid(origin, "not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      return invalid(origin, "expected a JSON object");
    }
    if (!root.path("date").asText("").matches("\\d{4}-\\d{2}-\\d{2}")) {
      return invalid(origin, "\"date\" must say when the prices were taken, as YYYY-MM-DD");
    }
    Map<String, Price> models = new LinkedHashMap<>();
    JsonNode list = root.path("models");
    if (!list.isObject()) {
      return invalid(origin, "\"models\" must be an object of model name → {input, output}");
    }
    for (Map.Entry<String, JsonNode> e : list.properties()) {
      Price p = price(e.getValue());
      if (p == null) {
        return invalid(origin, priceProblem("models." + e.getKey()));
      }
      models.put(e.getKey(), p);
    }
    Price fallback = price(root.path("default"));
    if (fallback == null) {
      return invalid(origin, priceProblem("default"));
    }
    return new Loaded.Ok(new PriceTable(root.get("date").asText(), models, fallback, origin));
  }

  private static String priceProblem(String where) {
    return "\""
        + where
        + "\" must be {\"input\": n, \"output\": n}, US dollars per million tokens, n ≥ 0";
  }

  private static Price price(JsonNode n) {
    JsonNode in = n.path("input");
    JsonNode out = n.path("output");
    if (!in.isNumber() || !out.isNumber()) {
      return null;
    }
    BigDecimal i = in.decimalValue();
    BigDecimal o = out.decimalValue();
    return i.signum() < 0 || o.signum() < 0 ? null : new Price(i, o);
  }

  private static Loaded invalid(String origin, String problem) {
    return new Loaded.Invalid("price table \"" + origin + "\": " + problem);
  }

  /** When the prices were taken. */
  public String date() {
    return date;
  }

  /** The price of {@code model}: its entry, a prefix entry, or the default (warned once). */
  public Price priceOf(String model) {
    Price exact = models.get(model);
    if (exact != null) {
      return exact;
    }
    String best = null;
    for (String name : models.keySet()) {
      if (model.startsWith(name + "-") && (best == null || name.length() > best.length())) {
        best = name;
      }
    }
    if (best != null) {
      return models.get(best);
    }
    if (warned.add(model)) {
      LOG.warn(
          "model \"{}\" is not in the price table \"{}\" of {}; costing it at the table's default"
              + " (input ${}, output ${} per million tokens); add it to a table named by"
              + " LLM_PRICES",
          model,
          origin,
          date,
          fallback.inputPerMillion().toPlainString(),
          fallback.outputPerMillion().toPlainString());
    }
    return fallback;
  }
}
