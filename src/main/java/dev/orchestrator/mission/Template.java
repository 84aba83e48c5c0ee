package dev.orchestrator.mission;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A string from a step's arguments split into literal text and {@code ${...}} references. {@code
 * $${} writes a literal {@code ${}. A template that is exactly one reference ({@link #single()})
 * should resolve to the referenced value itself (a number stays a number, a list a list); any
 * other template resolves to text.
 */
public final class Template {
  private final String source;
  private final List<Part> parts;

  private Template(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  /** A piece of a template. */
  public sealed interface Part permits Text, Ref {}

  /** Literal text, with {@code $${} already turned into {@code ${}. */
  public record Text(String text) implements Part {}

  /** A reference to resolve. */
  public record Ref(TemplateRef ref) implements Part {}

  /** A template, or why the text is not one. */
  public sealed interface Parsed permits Ok, Malformed {}

  /** A well-formed template. */
  public record Ok(Template template) implements Parsed {}

  /** Why the text is not a template, in lowercase words. */
  public record Malformed(String message) implements Parsed {}

  /** Whether {@code text} mentions a reference at all (so is worth parsing). */
  public static boolean mentionsReference(String text) {
    return text.contains("${");
  }

  /** Parses {@code text}; text without references is a template of one literal part. */
  public static Parsed parse(String text) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        literal.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int close = text.indexOf('}', i + 2);
        if (close < 0) {
          return new Malformed("unclosed \"${\" in " + Words.quote(text));
        }
        String inner = text.substring(i + 2, close);
        if (inner.contains("${")) {
          return new Malformed("a reference cannot contain \"${\": " + Words.quote(text));
        }
        TemplateRef.Parsed ref = TemplateRef.parse(inner);
        if (ref instanceof TemplateRef.Malformed m) {
          return new Malformed("malformed reference \"${" + inner + "}\": " + m.message());
        }
        if (literal.length() > 0) {
          parts.add(new Text(literal.toString()));
          literal.setLength(0);
        }
        parts.add(new Ref(((TemplateRef.Ok) ref).ref()));
        i = close + 1;
      } else {
        literal.append(text.charAt(i));
        i++;
      }
    }
    if (literal.length() > 0) {
      parts.add(new Text(literal.toString()));
    }
    return new Ok(new Template(text, parts));
  }

  /** The text as written in the mission. */
  public String source() {
    return source;
  }

  public List<Part> parts() {
    return parts;
  }

  /** Every reference, in order. */
  public List<TemplateRef> references() {
    List<TemplateRef> refs = new ArrayList<>();
    for (Part p : parts) {
      if (p instanceof Ref r) {
        refs.add(r.ref());
      }
    }
    return refs;
  }

  /** The reference when the whole template is exactly one reference. */
  public Optional<TemplateRef> single() {
    return parts.size() == 1 && parts.get(0) instanceof Ref r
        ? Optional.of(r.ref())
        : Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Template t && t.source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return source;
  }
}
