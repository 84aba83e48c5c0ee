package dev.orchestrator.planner;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** US dollar amounts in messages: {@code $0.012345}, at most six decimals, at least two. */
final class Money {
  private Money() {}

  static String usd(BigDecimal amount) {
    BigDecimal v = amount.setScale(6, RoundingMode.UP).stripTrailingZeros();
    if (v.scale() < 2) {
      v = v.setScale(2, RoundingMode.UNNECESSARY);
    }
    return "$" + v.toPlainString();
  }
}
