package dev.orchestrator.mission;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file while it is read and validated. */
final class Problems {
  private final String file;
  private final List<Problem> list = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void at(int line, int column, String message) {
    list.add(new Problem(file, line, column, message));
  }

  void at(Located<?> where, String message) {
    at(where.line(), where.column(), message);
  }

  void at(YamlNode node, String message) {
    at(node.line(), node.column(), message);
  }

  void atKey(YamlNode.Entry entry, String message) {
    at(entry.line(), entry.column(), message);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  int size() {
    return list.size();
  }

  List<Problem> list() {
    return List.copyOf(list);
  }
}
