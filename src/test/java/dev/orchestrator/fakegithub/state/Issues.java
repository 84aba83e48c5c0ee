package dev.orchestrator.fakegithub.state;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** A repository's issues and pull requests, numbered from one sequence. */
public final class Issues {
  private final Ids ids;
  private final Clock clock;
  private final Labels labels;
  private final Actors actors;
  private final String defaultBranch;
  private final Map<Integer, Issue> byNumber = new TreeMap<>();
  private int nextNumber = 1;

  Issues(Ids ids, Clock clock, Labels labels, Actors actors, String defaultBranch) {
    this.ids = ids;
    this.clock = clock;
    this.labels = labels;
    this.actors = actors;
    this.defaultBranch = defaultBranch;
  }

  /** Adds a seeded issue or pull request with the next number. */
  public synchronized Issue add(IssueSeed seed) {
    Instant now = clock.instant();
    Instant created = seed.createdAt != null ? seed.createdAt : now;
    Instant updated = seed.updatedAt != null ? seed.updatedAt : created;
    seed.labels.forEach(labels::ensure);
    PullRequest pull = seed.pull;
    if (pull != null && pull.baseRef() == null) {
      pull =
          new PullRequest(
              pull.headSha(), pull.headRef(), defaultBranch, pull.draft(), pull.files());
    }
    boolean closed = "closed".equals(seed.state);
    Issue issue =
        new Issue(
            ids.next(),
            nextNumber++,
            seed.title,
            seed.body,
            seed.state,
            closed ? "completed" : null,
            canonical(seed.labels),
            seed.assignees,
            actors.user(seed.author),
            created,
            updated,
            closed ? updated : null,
            pull);
    byNumber.put(issue.number(), issue);
    return issue;
  }

  /** Opens an issue on behalf of {@code author} now (what {@code POST …/issues} does). */
  public synchronized Issue open(
      Actor author, String title, String body, List<String> labelNames, List<String> assignees) {
    labelNames.forEach(labels::ensure);
    Instant now = clock.instant();
    Issue issue =
        new Issue(
            ids.next(),
            nextNumber++,
            title,
            body,
            "open",
            null,
            canonical(labelNames),
            assignees,
            author,
            now,
            now,
            null,
            null);
    byNumber.put(issue.number(), issue);
    return issue;
  }

  /** The issue or pull request with that number. */
  public synchronized Optional<Issue> find(int number) {
    return Optional.ofNullable(byNumber.get(number));
  }

  /** The issue or pull request with that number; throws when there is none. */
  public Issue get(int number) {
    return find(number)
        .orElseThrow(() -> new IllegalArgumentException("no issue #" + number + " in the fake"));
  }

  /** Every issue and pull request, by number. */
  public synchronized List<Issue> all() {
    return List.copyOf(byNumber.values());
  }

  /** Replaces an issue with {@code change} applied; empty when there is no such number. */
  public synchronized Optional<Issue> update(int number, UnaryOperator<Issue> change) {
    Issue current = byNumber.get(number);
    if (current == null) {
      return Optional.empty();
    }
    Issue next = change.apply(current);
    byNumber.put(number, next);
    return Optional.of(next);
  }

  /** Label names as the repository spells them, without duplicates, creating missing ones. */
  public List<String> canonical(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      String canonical = labels.ensure(name).name();
      if (out.stream()
          .noneMatch(n -> n.toLowerCase(Locale.ROOT).equals(canonical.toLowerCase(Locale.ROOT)))) {
        out.add(canonical);
      }
    }
    return out;
  }
}
