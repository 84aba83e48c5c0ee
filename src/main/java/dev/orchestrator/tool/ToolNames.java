package dev.orchestrator.tool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** PRODUCT.md's tool table: every tool's name and risk, in the order the product lists them. */
public final class ToolNames {
  private static final Map<String, Risk> RISKS;

  static {
    Map<String, Risk> m = new LinkedHashMap<>();
    m.put("get_issue", Risk.READ);
    m.put("get_pull_request", Risk.READ);
    m.put("list_comments", Risk.READ);
    m.put("list_pr_files", Risk.READ);
    m.put("get_file", Risk.READ);
    m.put("search_issues", Risk.READ);
    m.put("get_health", Risk.READ);
    m.put("post_comment", Risk.WRITE);
    m.put("add_labels", Risk.WRITE);
    m.put("remove_label", Risk.WRITE);
    m.put("assign", Risk.WRITE);
    m.put("create_issue", Risk.WRITE);
    m.put("create_check_run", Risk.WRITE);
    m.put("close_issue", Risk.DESTRUCTIVE);
    RISKS = Collections.unmodifiableMap(m);
  }

  private ToolNames() {}

  /** Every tool name with its risk, in table order. */
  public static Map<String, Risk> all() {
    return RISKS;
  }

  /** The risk of {@code name}, or empty for an unknown tool. */
  public static Optional<Risk> riskOf(String name) {
    return Optional.ofNullable(RISKS.get(name));
  }
}
