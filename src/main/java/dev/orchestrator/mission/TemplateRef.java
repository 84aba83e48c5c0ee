package dev.orchestrator.mission;

import java.util.List;
import java.util.Optional;

/**
 * One {@code ${...}} reference in a step's arguments, parsed. The runtime resolves it; an
 * unresolved reference fails the run and names {@link #text()}. Paths are dot-separated segments of
 * letters, digits, {@code _} and {@code -}; a segment of digits indexes a list.
 */
public sealed interface TemplateRef
    permits TemplateRef.Event,
        TemplateRef.Arg,
        TemplateRef.StepOutput,
        TemplateRef.Item,
        TemplateRef.DaysAgo,
        TemplateRef.DaysAgoArg {

  /** The reference as written between {@code ${} and {@code }}. */
  String text();

  /** The declared argument this reference reads, if any. */
  default Optional<String> argument() {
    return Optional.empty();
  }

  /** The step whose output this reference reads, if any. */
  default Optional<String> stepId() {
    return Optional.empty();
  }

  /** Whether it reads the current {@code for_each} item. */
  default boolean usesItem() {
    return false;
  }

  /** {@code event.<path>}: a value from the triggering event's payload. */
  record Event(List<String> path) implements TemplateRef {
    public Event {
      path = List.copyOf(path);
    }

    @Override
    public String text() {
      return "event." + String.join(".", path);
    }
  }

  /** {@code args.<name>}: a declared argument, from the command line or its default. */
  record Arg(String name) implements TemplateRef {
    @Override
    public String text() {
      return "args." + name;
    }

    @Override
    public Optional<String> argument() {
      return Optional.of(name);
    }
  }

  /** {@code steps.<id>.output[.<path>]}: the output of an earlier step. */
  record StepOutput(String id, List<String> path) implements TemplateRef {
    public StepOutput {
      path = List.copyOf(path);
    }

    @Override
    public String text() {
      return "steps." + id + ".output" + (path.isEmpty() ? "" : "." + String.join(".", path));
    }

    @Override
    public Optional<String> stepId() {
      return Optional.of(id);
    }
  }

  /** {@code item[.<path>]}: the current element inside a {@code for_each} step. */
  record Item(List<String> path) implements TemplateRef {
    public Item {
      path = List.copyOf(path);
    }

    @Override
    public String text() {
      return path.isEmpty() ? "item" : "item." + String.join(".", path);
    }

    @Override
    public boolean usesItem() {
      return true;
    }
  }

  /** {@code days_ago(<n>)}: the ISO date {@code n} days before the run's start. */
  record DaysAgo(int days) implements TemplateRef {
    @Override
    public String text() {
      return "days_ago(" + days + ")";
    }
  }

  /** {@code days_ago(args.<name>)}: the same with the number of days from an argument. */
  record DaysAgoArg(String name) implements TemplateRef {
    @Override
    public String text() {
      return "days_ago(args." + name + ")";
    }

    @Override
    public Optional<String> argument() {
      return Optional.of(name);
    }
  }

  /** The largest literal {@code days_ago} accepted: about 270 years. */
  int MAX_DAYS = 99_999;

  /** The reference, or a message saying why {@code inner} is not one. */
  static Parsed parse(String inner) {
    return TemplateRefParser.parse(inner);
  }

  /** A parsed reference or the reason it is malformed. */
  sealed interface Parsed permits Ok, Malformed {}

  /** A well-formed reference. */
  record Ok(TemplateRef ref) implements Parsed {}

  /** Why the text is not a reference, in lowercase words. */
  record Malformed(String message) implements Parsed {}
}
