package dev.orchestrator.mission;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

/** An llm mission's limits per run: model tokens and/or US dollars (at least one is set). */
public record Budget(OptionalLong tokens, Optional<BigDecimal> usd) {
  public Budget {
    if (tokens.isEmpty() && usd.isEmpty()) {
      throw new IllegalArgumentException("a budget needs tokens or usd");
    }
  }
}
