package dev.orchestrator.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a database file holds, as checked by backup and restore.
 *
 * @param schemaVersion the highest applied migration
 * @param rowCounts rows per table, by table name
 * @param bytes the file's size
 */
public record DatabaseSummary(int schemaVersion, Map<String, Long> rowCounts, long bytes) {
  public DatabaseSummary {
    rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
  }
}
