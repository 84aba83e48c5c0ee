package dev.orchestrator.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns padded to their widest cell, two spaces apart, one row a line. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  Table(String... header) {
    this.columns = header.length;
    rows.add(header);
  }

  /** Adds a row; {@code null} or blank cells print as "-". */
  Table row(Object... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException(
          "table row has " + cells.length + " cells, expected " + columns);
    }
    String[] row = new String[columns];
    for (int i = 0; i < columns; i++) {
      String text = cells[i] == null ? "" : cells[i].toString();
      // One run per line even when a value carries a line break.
      row[i] = text.isBlank() ? "-" : text.replaceAll("\\s+", " ");
    }
    rows.add(row);
    return this;
  }

  void print(PrintWriter out) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      out.println(line);
    }
  }
}
