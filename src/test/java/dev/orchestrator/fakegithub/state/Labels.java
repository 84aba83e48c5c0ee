package dev.orchestrator.fakegithub.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A repository's labels. Applying an unknown label creates it, as GitHub does. */
public final class Labels {
  private static final String DEFAULT_COLOR = "ededed";
  private final Ids ids;
  private final Map<String, Label> byName = new LinkedHashMap<>();

  Labels(Ids ids) {
    this.ids = ids;
  }

  /** The label of that name (case-insensitive), created if missing. */
  public synchronized Label ensure(String name) {
    return byName.computeIfAbsent(key(name), k -> new Label(ids.next(), name, DEFAULT_COLOR, null));
  }

  /** Defines a label with a colour and description (replacing one of the same name). */
  public synchronized Label define(String name, String color, String description) {
    Label label = new Label(ids.next(), name, color, description);
    byName.put(key(name), label);
    return label;
  }

  /** The label of that name, if defined. */
  public synchronized Optional<Label> find(String name) {
    return Optional.ofNullable(byName.get(key(name)));
  }

  /** Every label. */
  public synchronized List<Label> all() {
    return List.copyOf(byName.values());
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
